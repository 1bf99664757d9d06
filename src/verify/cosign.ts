/**
 * Cosign storage formats turned into Sigstore bundles: the legacy `sha256-<hex>.sig` / `.att` tags
 * (one layer per signature, with the signature, certificate and Rekor bundle in annotations) and
 * Sigstore bundle artifacts (`application/vnd.dev.sigstore.bundle.v0.3+json`) found as referrers.
 */
import { createHash } from 'node:crypto';
import { assertBundle, bundleFromJSON, envelopeFromJSON, type Bundle, type TransparencyLogEntry } from '@sigstore/bundle';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { z } from 'zod';
import type { Descriptor } from '../source/schema.js';
import { VerifyError } from './errors.js';

export const SIMPLESIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const BUNDLE_ARTIFACT_TYPE = /^application\/vnd\.dev\.sigstore\.bundle(\.v0\.3)?\+json(;version=0\.3)?$/;
export const ANN = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
} as const;

const rekorBundleSchema = z.object({
  SignedEntryTimestamp: z.string().min(1),
  Payload: z.object({ body: z.string().min(1), integratedTime: z.number().int(), logIndex: z.number().int(), logID: z.string().regex(/^[0-9a-f]+$/) }),
});
const bodySchema = z.object({ kind: z.string(), apiVersion: z.string() }).passthrough();
const payloadSchema = z.object({ critical: z.object({ image: z.object({ 'docker-manifest-digest': z.string() }).passthrough(), type: z.string().optional() }).passthrough() }).passthrough();

function malformed(msg: string): VerifyError {
  return new VerifyError('MALFORMED_SIGNATURE', msg);
}

function pemToDer(pem: string, what: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw malformed(`${what} is not a PEM certificate`);
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/** The Rekor "bundle" annotation (SET + entry) as a transparency-log entry. */
export function tlogEntryFromRekorBundle(json: string): TransparencyLogEntry {
  let parsed;
  try {
    parsed = rekorBundleSchema.parse(JSON.parse(json));
  } catch {
    throw malformed('Rekor bundle annotation is not a valid {SignedEntryTimestamp, Payload}');
  }
  const body = Buffer.from(parsed.Payload.body, 'base64');
  const kv = bodySchema.safeParse((() => {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  })());
  if (!kv.success) throw malformed('Rekor entry body is not a {kind, apiVersion} document');
  return {
    logIndex: String(parsed.Payload.logIndex),
    logId: { keyId: Buffer.from(parsed.Payload.logID, 'hex') },
    kindVersion: { kind: kv.data.kind, version: kv.data.apiVersion },
    integratedTime: String(parsed.Payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: Buffer.from(parsed.SignedEntryTimestamp, 'base64') },
    inclusionProof: undefined,
    canonicalizedBody: body,
  };
}

/** One layer of a legacy .sig/.att manifest as a bundle; `artifact` is the signed payload for .sig. */
export function bundleFromCosignLayer(layer: Descriptor, blob: Buffer): { bundle: Bundle; artifact?: Buffer } {
  const ann = layer.annotations ?? {};
  const cert = ann[ANN.certificate];
  const rekor = ann[ANN.bundle];
  const verificationMaterial = {
    content: cert ? { $case: 'certificate' as const, certificate: { rawBytes: pemToDer(cert, 'certificate annotation') } } : { $case: 'publicKey' as const, publicKey: { hint: '' } },
    tlogEntries: rekor ? [tlogEntryFromRekorBundle(rekor)] : [],
    timestampVerificationData: undefined,
  };
  const mediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
  if (layer.mediaType === DSSE_MEDIA_TYPE) {
    let env;
    try {
      env = envelopeFromJSON(JSON.parse(blob.toString('utf8')));
    } catch {
      throw malformed(`DSSE envelope ${layer.digest} is not valid JSON`);
    }
    if (env.signatures.length === 0) throw malformed(`DSSE envelope ${layer.digest} has no signatures`);
    return { bundle: { mediaType, verificationMaterial, content: { $case: 'dsseEnvelope', dsseEnvelope: env } } };
  }
  const sig = ann[ANN.signature];
  if (!sig) throw malformed(`signature layer ${layer.digest} has no ${ANN.signature} annotation`);
  const messageSignature = { messageDigest: { algorithm: HashAlgorithm.SHA2_256, digest: createHash('sha256').update(blob).digest() }, signature: Buffer.from(sig, 'base64') };
  return { bundle: { mediaType, verificationMaterial, content: { $case: 'messageSignature', messageSignature } }, artifact: blob };
}

/** Parses a Sigstore bundle document (from a referrer layer or a --bundle file). */
export function parseBundle(bytes: Buffer, what: string): Bundle {
  try {
    const bundle = bundleFromJSON(JSON.parse(bytes.toString('utf8')));
    assertBundle(bundle);
    return bundle;
  } catch (err) {
    throw malformed(`${what} is not a Sigstore bundle (${(err as Error).message.split('\n')[0]})`);
  }
}

/** DIGEST_MISMATCH unless the simplesigning payload names the image digest. */
export function checkSimpleSigning(payload: Buffer, imageDigest: string): void {
  let p;
  try {
    p = payloadSchema.parse(JSON.parse(payload.toString('utf8')));
  } catch {
    throw malformed('signature payload is not a cosign simplesigning document');
  }
  const signed = p.critical.image['docker-manifest-digest'];
  if (signed !== imageDigest) throw new VerifyError('DIGEST_MISMATCH', `signature is for ${signed.slice(0, 80)}, not the image ${imageDigest}`);
}
