/**
 * The verification API the policy engine builds on: what must hold (VerifyRequirements),
 * how to reach the image and the trust roots (VerifyOptions), and what was found (VerifyResult).
 */
import type { ClientOptions } from '../source/registry/client.js';
import type { VerifyCode } from './errors.js';

/** Constraints on a keyless (Fulcio) signer; exact strings or regular expressions (unanchored, as cosign). */
export interface IdentityRequirement {
  issuer?: string;
  issuerRegExp?: string;
  subject?: string;
  subjectRegExp?: string;
}

/** Notary Project requirements: CA certificates (PEM) and an optional trust policy document (v1.0). */
export interface NotationRequirement {
  trustStore: string[];
  trustPolicy?: object;
}

/** What must hold for an image to pass. At least one of keys, identities or notation is needed. */
export interface VerifyRequirements {
  /** PEM public keys (ECDSA P-256/384, Ed25519, RSA); a cosign signature made by any of them passes */
  keys?: string[];
  /** keyless signers; a signature whose certificate matches any entry passes */
  identities?: IdentityRequirement[];
  /** each predicate type needs at least one verified attestation */
  attestations?: { predicateType: string }[];
  notation?: NotationRequirement;
  /** default true: a verified signature of each mechanism asked for (cosign via keys/identities, notation) */
  requireSignature?: boolean;
}

/** Where to find the image and the trust material. */
export interface VerifyOptions {
  registry?: ClientOptions;
  /** trusted_root.json (Sigstore format) for private deployments or offline use */
  trustedRootPath?: string;
  /** no network besides the registry: no TUF refresh (the embedded public-good root is used) */
  offline?: boolean;
  /** TUF cache directory (default: the user cache dir) */
  tufCacheDir?: string;
  /** clock for tests (certificate and expiry checks that use "now") */
  now?: Date;
}

export type SignatureKind = 'cosign-key' | 'cosign-keyless' | 'notation';
export type StorageLayout = 'legacy-tag' | 'referrers' | 'referrers-tag' | 'bundle-file';

/** One signature found for the image and its outcome. */
export interface SignatureResult {
  kind: SignatureKind;
  layout: StorageLayout;
  ok: boolean;
  /** "<CODE>: <message>" when not ok */
  reason?: string;
  code?: VerifyCode;
  identity?: { issuer?: string; subject?: string };
  /** sha256 hex of the verifying key's SubjectPublicKeyInfo (keyed) */
  keyId?: string;
  /** the signature artifact (manifest digest, or bundle file) */
  source?: string;
}

/** One attestation found for the image and its outcome. */
export interface AttestationResult {
  predicateType: string;
  kind?: SignatureKind;
  layout?: StorageLayout;
  ok: boolean;
  reason?: string;
  code?: VerifyCode;
  identity?: { issuer?: string; subject?: string };
  keyId?: string;
  /** the in-toto statement (only when the envelope verified) */
  statement?: unknown;
}

/** Everything found; ok when a signature verified and every required attestation type verified. */
export interface VerifyResult {
  reference?: string;
  digest: string;
  signatures: SignatureResult[];
  attestations: AttestationResult[];
  ok: boolean;
  /** one line each: "<CODE>: <message>" */
  reasons: string[];
  /** non-fatal notes (e.g. "TUF refresh failed, using the embedded root") */
  warnings: string[];
}
