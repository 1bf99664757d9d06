/**
 * A test signer standing in for cosign and notation (neither is a Debian package here): keys, a fake
 * Fulcio root + intermediate, Fulcio-style leaf certificates, a fake Rekor key that issues SETs and
 * inclusion proofs, a trusted_root.json for all of it, and pushers for both storage layouts
 * (legacy sha256-<hex>.sig/.att tags; OCI referrers with the sha256-<hex> referrers-tag index).
 * Everything is generated at test time; nothing private is committed.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { json } from '@sigstore/core';
import { sha256 } from '../../src/source/digest.js';
import { MT } from '../../src/source/media-types.js';
import { getManifest, pushArtifact, RegistryClient } from '../../src/source/registry/index.js';
import { makeCert, type Dn } from './signing-x509.js';

export type KeyType = 'ecdsa' | 'ed25519' | 'rsa';
export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
}
export const REGISTRY_OPTS = { plainHttp: true, retries: 0 };
export const EMPTY_CONFIG = { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2 };
const REKOR_URL = 'https://rekor.bulwark-test.invalid';
const HOUR = 3600_000;

/** A fresh key pair. */
export function keyPair(type: KeyType = 'ecdsa'): KeyPair {
  const kp = type === 'ecdsa' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  return { ...kp, publicPem: kp.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Signs as cosign does: Ed25519 over the message, others SHA-256 (ECDSA DER, RSA PKCS#1 v1.5). */
export function signBytes(key: KeyObject, data: Buffer): Buffer {
  return sign(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, key);
}

export interface TestPki {
  root: { key: KeyPair; subject: Dn; der: Buffer };
  inter: { key: KeyPair; subject: Dn; der: Buffer; pem: string };
  rekor: KeyPair & { logId: Buffer };
  trustedRootPath: string;
}

/** Fake Fulcio (root + intermediate) and Rekor, with their trusted_root.json written to dir. */
export async function createSigstorePki(dir: string): Promise<TestPki> {
  const start = new Date(Date.now() - 48 * HOUR);
  const end = new Date(Date.now() + 48 * HOUR);
  const rootKey = keyPair();
  const rootSubject = { O: 'bulwark-test', CN: 'fulcio-test-root' };
  const root = makeCert({ subject: rootSubject, publicKey: rootKey.publicKey, signingKey: rootKey.privateKey, notBefore: start, notAfter: end, ca: true });
  const interKey = keyPair();
  const interSubject = { O: 'bulwark-test', CN: 'fulcio-test-intermediate' };
  const inter = makeCert({ subject: interSubject, issuer: { subject: rootSubject, publicKey: rootKey.publicKey }, publicKey: interKey.publicKey, signingKey: rootKey.privateKey, notBefore: start, notAfter: end, ca: true });
  const rekorKey = keyPair();
  const spki = rekorKey.publicKey.export({ type: 'spki', format: 'der' });
  const logId = createHash('sha256').update(spki).digest();
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [{ baseUrl: REKOR_URL, hashAlgorithm: 'SHA2_256', publicKey: { rawBytes: spki.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: start.toISOString() } }, logId: { keyId: logId.toString('base64') } }],
    certificateAuthorities: [{ subject: { organization: 'bulwark-test', commonName: 'fulcio-test' }, uri: 'https://fulcio.bulwark-test.invalid', certChain: { certificates: [{ rawBytes: inter.der.toString('base64') }, { rawBytes: root.der.toString('base64') }] }, validFor: { start: start.toISOString() } }],
    ctlogs: [],
    timestampAuthorities: [],
  };
  const trustedRootPath = join(dir, 'trusted_root.json');
  await writeFile(trustedRootPath, JSON.stringify(trustedRoot, null, 2));
  return { root: { key: rootKey, subject: rootSubject, der: root.der }, inter: { key: interKey, subject: interSubject, der: inter.der, pem: inter.pem }, rekor: { ...rekorKey, logId }, trustedRootPath };
}

/** A Fulcio-style leaf: SAN email, OIDC issuer extensions, 10 minutes validity by default. */
export function fulcioLeaf(pki: TestPki, who: { email: string; issuer: string; notBefore?: Date; notAfter?: Date }): KeyPair & { certPem: string; certDer: Buffer } {
  const key = keyPair();
  const notBefore = who.notBefore ?? new Date(Date.now() - 60_000);
  const cert = makeCert({ subject: {}, issuer: { subject: pki.inter.subject, publicKey: pki.inter.key.publicKey }, publicKey: key.publicKey, signingKey: pki.inter.key.privateKey, notBefore, notAfter: who.notAfter ?? new Date(notBefore.getTime() + 600_000), email: who.email, oidcIssuer: who.issuer, codeSigning: true });
  return { ...key, certPem: cert.pem, certDer: cert.der };
}

/** The signer's verification material as Rekor records it (certificate PEM or public key PEM). */
function verifierB64(pem: string): string {
  return Buffer.from(pem).toString('base64');
}

/** A hashedrekord v0.0.1 body for a message signature. */
export function hashedRekordBody(signature: Buffer, payload: Buffer, verifierPem: string): object {
  return { apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') } }, signature: { content: signature.toString('base64'), publicKey: { content: verifierB64(verifierPem) } } } };
}

/** A dsse v0.0.1 body for a DSSE envelope. */
export function dsseBody(envelope: DsseEnvelope, verifierPem: string): object {
  const payload = Buffer.from(envelope.payload, 'base64');
  return { apiVersion: '0.0.1', kind: 'dsse', spec: { payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') }, signatures: [{ signature: envelope.signatures[0]!.sig, verifier: verifierB64(verifierPem) }] } };
}

export interface TlogEntry {
  /** the cosign `dev.sigstore.cosign/bundle` annotation */
  rekorAnnotation: string;
  /** the bundle's tlogEntries[] element (with SET and an inclusion proof) */
  bundleEntry: object;
}

/** Logs a body: SET signed by the fake Rekor key, and an inclusion proof in a 2-leaf tree. */
export function logEntry(pki: TestPki, bodyObj: object, integratedTime = Math.floor(Date.now() / 1000)): TlogEntry {
  const body = Buffer.from(json.canonicalize(bodyObj));
  const logIndex = 0;
  const setPayload = { body: body.toString('base64'), integratedTime, logIndex, logID: pki.rekor.logId.toString('hex') };
  const set = sign('sha256', Buffer.from(json.canonicalize(setPayload)), pki.rekor.privateKey);
  const leaf = (b: Buffer): Buffer => createHash('sha256').update(Buffer.from([0])).update(b).digest();
  const sibling = leaf(Buffer.from('another entry'));
  const rootHash = createHash('sha256').update(Buffer.from([1])).update(leaf(body)).update(sibling).digest();
  const origin = new URL(REKOR_URL).host;
  const note = `${origin}\n2\n${rootHash.toString('base64')}\n`;
  const noteSig = Buffer.concat([pki.rekor.logId.subarray(0, 4), sign('sha256', Buffer.from(note), pki.rekor.privateKey)]);
  const kind = bodyObj as { kind: string; apiVersion: string };
  return {
    rekorAnnotation: JSON.stringify({ SignedEntryTimestamp: set.toString('base64'), Payload: setPayload }),
    bundleEntry: {
      logIndex: String(logIndex),
      logId: { keyId: pki.rekor.logId.toString('base64') },
      kindVersion: { kind: kind.kind, version: kind.apiVersion },
      integratedTime: String(integratedTime),
      inclusionPromise: { signedEntryTimestamp: set.toString('base64') },
      inclusionProof: { logIndex: String(logIndex), rootHash: rootHash.toString('base64'), treeSize: '2', hashes: [sibling.toString('base64')], checkpoint: { envelope: `${note}\n\u2014 ${origin} ${noteSig.toString('base64')}\n` } },
      canonicalizedBody: body.toString('base64'),
    },
  };
}

/** cosign's simplesigning payload for an image digest. */
export function simpleSigningPayload(ref: string, digest: string): Buffer {
  return Buffer.from(JSON.stringify({ critical: { identity: { 'docker-reference': ref }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' }, optional: null }));
}

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

/** An in-toto statement v1 about one image digest. */
export function statement(digest: string, predicateType: string, predicate: unknown = {}): Buffer {
  return Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'image', digest: { sha256: digest.split(':')[1] } }], predicateType, predicate }));
}

/** Signs a payload into a DSSE envelope (signature over the pre-authentication encoding). */
export function dsseSign(key: KeyObject, payload: Buffer, payloadType = 'application/vnd.in-toto+json'): DsseEnvelope {
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `), payload]);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid: '', sig: signBytes(key, pae).toString('base64') }] };
}

/** A cosign layer (simplesigning or DSSE) with its annotations. */
export interface CosignLayer {
  mediaType: string;
  blob: Buffer;
  annotations: Record<string, string>;
}

/** A sigstore bundle v0.3 document. */
export function bundleJson(content: { dsse: DsseEnvelope } | { message: { digest: Buffer; signature: Buffer } }, material: { certDer?: Buffer }, entries: object[]): Buffer {
  const vm = material.certDer ? { certificate: { rawBytes: material.certDer.toString('base64') } } : { publicKey: { hint: '' } };
  const body = 'dsse' in content ? { dsseEnvelope: content.dsse } : { messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: content.message.digest.toString('base64') }, signature: content.message.signature.toString('base64') } };
  return Buffer.from(JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: { ...vm, tlogEntries: entries }, ...body }));
}

/** Pushes a legacy cosign manifest under sha256-<hex><suffix> (suffix .sig or .att). */
export async function pushLegacy(host: string, repo: string, digest: string, suffix: '.sig' | '.att', layers: CosignLayer[]): Promise<string> {
  const config = Buffer.from('{"architecture":"","os":"","config":{},"rootfs":{"type":"layers","diff_ids":[]}}');
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.ociManifest,
    config: { mediaType: MT.ociConfig, digest: sha256(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: sha256(l.blob), size: l.blob.length, annotations: l.annotations })),
  };
  return pushArtifact(`${host}/${repo}:${digest.replace(':', '-')}${suffix}`, [config, ...layers.map((l) => l.blob)], Buffer.from(JSON.stringify(manifest)), MT.ociManifest, REGISTRY_OPTS);
}

/** Pushes an OCI 1.1 referrer (by digest) and, unless `noTag`, adds it to the sha256-<hex> referrers-tag index. */
export async function pushReferrer(host: string, repo: string, subject: { digest: string; size: number; mediaType: string }, artifactType: string, layer: { mediaType: string; blob: Buffer }, opts: { noTag?: boolean; annotations?: Record<string, string> } = {}): Promise<string> {
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, artifactType, config: EMPTY_CONFIG, layers: [{ mediaType: layer.mediaType, digest: sha256(layer.blob), size: layer.blob.length }], subject, annotations: opts.annotations ?? { 'org.opencontainers.image.created': new Date().toISOString() } }));
  const digest = await pushArtifact(`${host}/${repo}@${sha256(manifest)}`, [Buffer.from('{}'), layer.blob], manifest, MT.ociManifest, REGISTRY_OPTS);
  if (opts.noTag) return digest;
  const client = new RegistryClient(host, REGISTRY_OPTS);
  const tag = subject.digest.replace(':', '-');
  let manifests: unknown[] = [];
  try {
    manifests = (JSON.parse((await getManifest(client, repo, tag)).bytes.toString()) as { manifests: unknown[] }).manifests;
  } catch {
    // no index yet
  } finally {
    client.close();
  }
  manifests.push({ mediaType: MT.ociManifest, digest, size: manifest.length, artifactType, ...(opts.annotations ? { annotations: opts.annotations } : {}) });
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests }));
  await pushArtifact(`${host}/${repo}:${tag}`, [], index, MT.ociIndex, REGISTRY_OPTS);
  return digest;
}

/** A Notation JWS envelope (notary.x509, ES256) for a target descriptor. */
export function notationEnvelope(leafKey: KeyObject, chainDer: Buffer[], target: { mediaType: string; digest: string; size: number }, opts: { signingTime?: Date; expiry?: Date } = {}): Buffer {
  const hdr: Record<string, unknown> = { alg: 'ES256', cty: 'application/vnd.cncf.notary.payload.v1+json', crit: ['io.cncf.notary.signingScheme'], 'io.cncf.notary.signingScheme': 'notary.x509', 'io.cncf.notary.signingTime': (opts.signingTime ?? new Date()).toISOString() };
  if (opts.expiry) {
    hdr['io.cncf.notary.expiry'] = opts.expiry.toISOString();
    (hdr.crit as string[]).push('io.cncf.notary.expiry');
  }
  const p = Buffer.from(JSON.stringify(hdr)).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ targetArtifact: target })).toString('base64url');
  const sig = sign('sha256', Buffer.from(`${p}.${payload}`), { key: leafKey, dsaEncoding: 'ieee-p1363' });
  return Buffer.from(JSON.stringify({ payload, protected: p, header: { x5c: chainDer.map((c) => c.toString('base64')), 'io.cncf.notary.signingAgent': 'bulwark-test-signer' }, signature: sig.toString('base64url') }));
}
