/**
 * Runs @sigstore/verify on one signed entity (a cosign signature, attestation or Sigstore bundle):
 * keyed (each given PEM key is tried) or keyless (Fulcio chain to the trusted root's CAs at the
 * transparency-log time, SET / inclusion proof against the root's Rekor keys, SCTs when the root
 * lists CT logs), then the identity constraints. Failures become VerifyErrors with stable codes.
 */
import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, VerificationError, type SignedEntity } from '@sigstore/verify';
import { BulwarkError, errorMessage } from '../shared/errors.js';
import { VerifyError } from './errors.js';
import type { IdentityRequirement, SignatureKind } from './types.js';

/** A parsed --key: the key and its id (sha256 of the DER SubjectPublicKeyInfo). */
export interface TrustedKey {
  key: KeyObject;
  keyId: string;
}

/** Who signed, once verified. */
export interface SignerInfo {
  kind: Exclude<SignatureKind, 'notation'>;
  identity?: { issuer?: string; subject?: string };
  keyId?: string;
  /** transparency-log integrated time, when there was one */
  signedAt?: Date;
}

/** Parses PEM public keys (ECDSA, Ed25519, RSA); throws USAGE naming the bad one. */
export function parsePublicKeys(pems: string[]): TrustedKey[] {
  return pems.map((pem, i) => {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (err) {
      throw new BulwarkError('USAGE', `key #${i + 1} is not a PEM public key (${errorMessage(err).split('\n')[0]})`);
    }
    if (!['ec', 'ed25519', 'rsa', 'rsa-pss'].includes(key.asymmetricKeyType ?? '')) {
      throw new BulwarkError('USAGE', `key #${i + 1} has unsupported type ${key.asymmetricKeyType}`);
    }
    const der = key.export({ type: 'spki', format: 'der' });
    return { key, keyId: createHash('sha256').update(der).digest('hex') };
  });
}

/** Signature over a message (cosign simplesigning payload) that also handles Ed25519 (no pre-hash). */
function messageContent(payload: Buffer, signature: Buffer, digest: Buffer): SignedEntity['signature'] {
  return {
    signature,
    compareSignature: (s) => s.length === signature.length && s.equals(signature),
    compareDigest: (d) => d.length === digest.length && d.equals(digest),
    verifySignature: (key) => {
      try {
        const algo = key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
        return cryptoVerify(algo, payload, key, signature);
      } catch {
        return false;
      }
    },
  };
}

/** SignedEntity from a bundle; `artifact` is the signed message for message-signature bundles. */
export function entityOf(bundle: Bundle, artifact?: Buffer): SignedEntity {
  const entity = toSignedEntity(bundle, artifact);
  const c = bundle.content;
  if (c.$case === 'messageSignature' && artifact) {
    entity.signature = messageContent(artifact, c.messageSignature.signature, c.messageSignature.messageDigest!.digest);
  }
  return entity;
}

function mapError(err: unknown, keyed: boolean): VerifyError {
  if (err instanceof VerifyError) return err;
  if (!(err instanceof VerificationError)) return new VerifyError('SIGNATURE_INVALID', errorMessage(err).split('\n')[0]!);
  const cause = err.cause instanceof Error ? err.cause.message : '';
  switch (err.code) {
    case 'SIGNATURE_ERROR':
      return keyed ? new VerifyError('WRONG_KEY', 'signature does not verify with any given key') : new VerifyError('SIGNATURE_INVALID', "signature does not verify with the certificate's key");
    case 'CERTIFICATE_ERROR':
      if (/expired/.test(cause) || /expired/.test(err.message)) return new VerifyError('CERT_EXPIRED', 'certificate was not valid at the transparency-log time (expired or not yet valid)');
      return new VerifyError('CERT_UNTRUSTED', `certificate does not chain to a trusted Fulcio CA (${cause || err.message})`);
    case 'PUBLIC_KEY_ERROR':
      return new VerifyError('WRONG_KEY', err.message);
    default:
      return new VerifyError('TLOG_INVALID', `transparency log: ${err.message}${cause ? ` (${cause})` : ''}`);
  }
}

function matches(value: string | undefined, exact?: string, re?: string): boolean {
  if (exact !== undefined && value !== exact) return false;
  if (re !== undefined && (value === undefined || !new RegExp(re).test(value))) return false;
  return true;
}

function describe(id: IdentityRequirement): string {
  const s = id.subject !== undefined ? `subject ${JSON.stringify(id.subject)}` : `subject ~ /${id.subjectRegExp ?? ''}/`;
  const i = id.issuer !== undefined ? `issuer ${JSON.stringify(id.issuer)}` : `issuer ~ /${id.issuerRegExp ?? ''}/`;
  return `${s} ${i}`;
}

/** Throws IDENTITY_MISMATCH unless the signer matches one of the identities. */
export function checkIdentity(identity: { subject?: string; issuer?: string }, wanted: IdentityRequirement[]): void {
  if (wanted.some((w) => matches(identity.subject, w.subject, w.subjectRegExp) && matches(identity.issuer, w.issuer, w.issuerRegExp))) return;
  throw new VerifyError(
    'IDENTITY_MISMATCH',
    `certificate identity ${JSON.stringify(identity.subject ?? '')} from issuer ${JSON.stringify(identity.issuer ?? '')} matches none of: ${wanted.map(describe).join('; ')}`,
  );
}

function signedAt(entity: SignedEntity): Date | undefined {
  const t = entity.tlogEntries[0]?.integratedTime;
  return t ? new Date(Number(t) * 1000) : undefined;
}

/** Verifies an entity against keys or identities; returns the signer or throws a VerifyError. */
export function verifyEntity(entity: SignedEntity, root: TrustedRoot, keys: TrustedKey[], identities: IdentityRequirement[]): SignerInfo {
  if (entity.key.$case === 'certificate' && identities.length > 0) {
    const verifier = new Verifier(toTrustMaterial(root), { tlogThreshold: 1, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 });
    let signer;
    try {
      signer = verifier.verify(entity);
    } catch (err) {
      throw mapError(err, false);
    }
    const identity = { subject: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };
    checkIdentity(identity, identities);
    return { kind: 'cosign-keyless', identity, signedAt: signedAt(entity) };
  }
  if (keys.length === 0) {
    if (entity.key.$case === 'certificate') throw new VerifyError('IDENTITY_MISMATCH', 'keyless signature, but no certificate identity was required (--certificate-identity and --certificate-oidc-issuer)');
    throw new VerifyError('WRONG_KEY', 'keyed signature, but no --key was given');
  }
  // with --key the certificate (if any) is ignored, as cosign does; the log is verified when present
  const keyed: SignedEntity = { ...entity, key: { $case: 'public-key', hint: '' } };
  let last: VerifyError | undefined;
  for (const k of keys) {
    const trust = toTrustMaterial(root, () => ({ publicKey: k.key, validFor: () => true }));
    const verifier = new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    try {
      verifier.verify(keyed);
      return { kind: 'cosign-key', keyId: k.keyId, signedAt: signedAt(entity) };
    } catch (err) {
      last = mapError(err, true);
      if (last.code !== 'WRONG_KEY') throw last;
    }
  }
  throw last!;
}
