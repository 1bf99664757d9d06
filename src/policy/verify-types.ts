/**
 * The signature-verification contract the policy codes against (src/verify/ implements it):
 * `verifyImage(ref, requirements, opts) → Promise<VerifyResult>`. Kept here so the evaluator stays
 * pure and type-checks whether or not src/verify/ is present in this build.
 */

/** A keyless (Fulcio certificate) identity: exact values or regular expressions. */
export interface IdentityRequirement {
  issuer?: string;
  issuerRegExp?: string;
  subject?: string;
  subjectRegExp?: string;
}

/** What a signature or attestation must be signed by. Any one key or identity suffices. */
export interface VerifyRequirements {
  /** PEM public keys */
  keys?: string[];
  identities?: IdentityRequirement[];
  attestations?: { predicateType: string }[];
  notation?: { trustStore: string[]; trustPolicy?: object };
}

export interface SignatureCheck {
  /** "cosign" | "notation" … */
  kind: string;
  /** "legacy-tag" | "referrers" | "bundle" … */
  layout: string;
  ok: boolean;
  reason?: string;
  identity?: { issuer?: string; subject?: string };
  keyId?: string;
}

export interface AttestationCheck {
  predicateType: string;
  ok: boolean;
  reason?: string;
  statement?: unknown;
}

export interface VerifyResult {
  /** the manifest digest the signatures were checked against */
  digest: string;
  signatures: SignatureCheck[];
  attestations: AttestationCheck[];
  ok: boolean;
  reasons: string[];
}

export type VerifyImageFn = (ref: string, req: VerifyRequirements, opts: Record<string, unknown>) => Promise<VerifyResult>;
