/**
 * Turns one found artifact (a legacy cosign layer, a Sigstore bundle, a notation envelope) into a
 * SignatureResult or AttestationResult. Order matters: the signature is verified before any
 * claim in the payload is believed (digest, subject, predicate type).
 */
import type { Bundle } from '@sigstore/bundle';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { X509Certificate } from 'node:crypto';
import { checkSimpleSigning } from './cosign.js';
import { isVerifyError, VerifyError } from './errors.js';
import { checkSubject, COSIGN_SIGN_PREDICATE, parseStatement, type Statement } from './intoto.js';
import { verifyNotationEnvelope } from './notation.js';
import type { ResolvedPolicy } from './notation-policy.js';
import { entityOf, verifyEntity, type SignerInfo, type TrustedKey } from './sigstore.js';
import type { AttestationResult, IdentityRequirement, SignatureResult, StorageLayout } from './types.js';

/** What every evaluation needs. */
export interface EvalContext {
  digest: string;
  /** the image manifest bytes (the artifact of message-signature bundles) */
  manifest?: Buffer;
  root?: TrustedRoot;
  keys: TrustedKey[];
  identities: IdentityRequirement[];
  notation?: { store: X509Certificate[]; policy: ResolvedPolicy };
  now: Date;
  warnings: string[];
}

/** Where an artifact came from. */
export interface Origin {
  layout: StorageLayout;
  source: string;
}

function failure(err: unknown): { ok: false; reason: string; code: VerifyError['code'] } {
  if (!isVerifyError(err)) throw err;
  return { ok: false, reason: err.reason, code: err.code };
}

function guessKind(bundle: Bundle, ctx: EvalContext): SignerInfo['kind'] {
  const c = bundle.verificationMaterial.content;
  return c?.$case !== 'publicKey' && ctx.identities.length > 0 ? 'cosign-keyless' : 'cosign-key';
}

function signerFields(s: SignerInfo): Pick<SignatureResult, 'kind' | 'identity' | 'keyId'> {
  return { kind: s.kind, ...(s.identity ? { identity: s.identity } : {}), ...(s.keyId ? { keyId: s.keyId } : {}) };
}

/** Peeks at an unverified DSSE statement's predicate type (for classification only). */
function claimedPredicate(bundle: Bundle): { statement?: Statement; error?: unknown } {
  if (bundle.content.$case !== 'dsseEnvelope') return {};
  const env = bundle.content.dsseEnvelope;
  try {
    return { statement: parseStatement(env.payloadType, env.payload) };
  } catch (error) {
    return { error };
  }
}

/**
 * Evaluates a Sigstore bundle. `artifact` is the signed simplesigning payload (legacy .sig layers);
 * without it a message-signature bundle must sign the image manifest itself.
 */
export function evalSigstore(ctx: EvalContext, bundle: Bundle, origin: Origin, artifact?: Buffer): { sig?: SignatureResult; att?: AttestationResult } {
  const claimed = claimedPredicate(bundle);
  const isAttestation = bundle.content.$case === 'dsseEnvelope' && claimed.statement?.predicateType !== COSIGN_SIGN_PREDICATE;
  let signer: SignerInfo | undefined;
  try {
    if (!ctx.root) throw new VerifyError('CERT_UNTRUSTED', 'no Sigstore trusted root loaded');
    if (bundle.content.$case === 'messageSignature' && !artifact) {
      const hex = ctx.digest.split(':')[1]!;
      if (bundle.content.messageSignature.messageDigest?.digest.toString('hex') !== hex || !ctx.manifest) {
        throw new VerifyError('DIGEST_MISMATCH', `bundle signs a message that is not the image ${ctx.digest}`);
      }
      artifact = ctx.manifest;
      signer = verifyEntity(entityOf(bundle, artifact), ctx.root, ctx.keys, ctx.identities);
    } else {
      signer = verifyEntity(entityOf(bundle, artifact), ctx.root, ctx.keys, ctx.identities);
      if (artifact) checkSimpleSigning(artifact, ctx.digest);
    }
    if (bundle.content.$case === 'dsseEnvelope') {
      if (claimed.error) throw claimed.error;
      checkSubject(claimed.statement!, ctx.digest);
    }
  } catch (err) {
    const f = failure(err);
    const kind = signer?.kind ?? guessKind(bundle, ctx);
    if (isAttestation) return { att: { predicateType: claimed.statement?.predicateType ?? '(unknown)', kind, layout: origin.layout, ...f } };
    return { sig: { kind, layout: origin.layout, source: origin.source, ...f } };
  }
  if (isAttestation) {
    return { att: { predicateType: claimed.statement!.predicateType, layout: origin.layout, ok: true, ...signerFields(signer), statement: claimed.statement } };
  }
  return { sig: { layout: origin.layout, source: origin.source, ok: true, ...signerFields(signer) } };
}

/** Evaluates one notation JWS envelope. */
export function evalNotation(ctx: EvalContext, envelope: Buffer, origin: Origin): SignatureResult {
  try {
    if (!ctx.notation) throw new VerifyError('CERT_UNTRUSTED', 'no notation trust store given');
    const out = verifyNotationEnvelope(envelope, ctx.digest, ctx.notation.store, ctx.notation.policy, ctx.now);
    ctx.warnings.push(...out.warnings);
    return { kind: 'notation', layout: origin.layout, source: origin.source, ok: true, identity: { subject: out.subject } };
  } catch (err) {
    return { kind: 'notation', layout: origin.layout, source: origin.source, ...failure(err) };
  }
}

/** A failure that concerns a whole artifact (unreadable manifest, missing blob). */
export function artifactFailure(err: unknown, kind: SignatureResult['kind'], origin: Origin): SignatureResult {
  return { kind, layout: origin.layout, source: origin.source, ...failure(err) };
}
