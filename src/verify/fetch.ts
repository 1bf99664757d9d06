/**
 * Registry reads for verification. Everything here is attacker-controlled: manifests are size-capped
 * and digest-checked (content that does not hash to the digest it was asked for is TAMPERED_MANIFEST;
 * a Docker-Content-Digest header that disagrees with the bytes is REGISTRY_DIGEST_MISMATCH), and
 * referrers come from the OCI 1.1 API or, when the registry lacks it, the sha256-<hex> tag schema.
 */
import { isBulwarkError } from '../shared/errors.js';
import type { RegistryClient } from '../source/registry/client.js';
import { getBlob, getManifest, MAX_MANIFEST_BYTES, type FetchedManifest } from '../source/registry/manifests.js';
import { readBody } from '../source/registry/transport.js';
import { MT } from '../source/media-types.js';
import { indexSchema, manifestSchema, parseJson, type Descriptor, type ImageManifest } from '../source/schema.js';
import { VerifyError } from './errors.js';

/** Signature payloads and bundles are small; cosign caps them far lower than this. */
export const MAX_SIGNATURE_BLOB_BYTES = 4 * 1024 * 1024;

/** Where referrers were listed from. */
export type ReferrersLayout = 'referrers' | 'referrers-tag';

/** Fetches a manifest, turning digest failures into verification errors. */
export async function fetchManifest(client: RegistryClient, repo: string, ref: string): Promise<FetchedManifest> {
  try {
    return await getManifest(client, repo, ref);
  } catch (err) {
    if (!isBulwarkError(err, 'DIGEST_MISMATCH')) throw err;
    if (ref.includes(':')) throw new VerifyError('TAMPERED_MANIFEST', `registry ${client.registry} served content for ${repo}@${ref} that does not match that digest`);
    throw new VerifyError('REGISTRY_DIGEST_MISMATCH', `registry ${client.registry} says ${repo}:${ref} is a digest its content does not hash to (${err.message})`);
  }
}

/** Fetches a manifest by tag, or undefined when the tag does not exist. */
export async function fetchTagIfPresent(client: RegistryClient, repo: string, tag: string): Promise<FetchedManifest | undefined> {
  try {
    return await fetchManifest(client, repo, tag);
  } catch (err) {
    if (isBulwarkError(err, 'REGISTRY_NOT_FOUND')) return undefined;
    throw err;
  }
}

/** Parses an artifact manifest (a signature or attestation holder). */
export function parseArtifactManifest(m: FetchedManifest, what: string): ImageManifest {
  try {
    return parseJson(m.bytes, manifestSchema, what);
  } catch (err) {
    throw new VerifyError('MALFORMED_SIGNATURE', `${what}: ${(err as Error).message}`);
  }
}

/** Fetches a small blob (payload, envelope, bundle), verifying its digest. */
export async function fetchSmallBlob(client: RegistryClient, repo: string, desc: Descriptor): Promise<Buffer> {
  if (desc.size > MAX_SIGNATURE_BLOB_BYTES) throw new VerifyError('MALFORMED_SIGNATURE', `blob ${desc.digest} is ${desc.size} bytes (limit ${MAX_SIGNATURE_BLOB_BYTES})`);
  try {
    const bytes = await getBlob(client, repo, desc.digest, MAX_SIGNATURE_BLOB_BYTES);
    if (bytes.length !== desc.size) throw new VerifyError('TAMPERED_MANIFEST', `blob ${desc.digest} is ${bytes.length} bytes, its manifest says ${desc.size}`);
    return bytes;
  } catch (err) {
    if (isBulwarkError(err, 'DIGEST_MISMATCH')) throw new VerifyError('TAMPERED_MANIFEST', `registry ${client.registry} served blob content that does not match ${desc.digest}`);
    throw err;
  }
}

/** The referrers-tag-schema tag for a digest: sha256:abc… -> sha256-abc… */
export function digestTag(digest: string, suffix = ''): string {
  return digest.replace(':', '-') + suffix;
}

/** Lists referrers of a digest: the OCI 1.1 API, else the referrers tag schema. */
export async function listReferrers(client: RegistryClient, repo: string, digest: string): Promise<{ layout: ReferrersLayout; manifests: Descriptor[] }> {
  const req = { repository: repo, kind: 'referrers', ref: digest };
  const res = await client.request({ method: 'GET', path: `/v2/${repo}/referrers/${digest}`, headers: { accept: MT.ociIndex }, ...req });
  const type = (res.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (res.status === 200 && type === MT.ociIndex) {
    const bytes = await readBody(res, MAX_MANIFEST_BYTES, `referrers of ${repo}@${digest}`);
    const index = parseJson(bytes, indexSchema, `referrers of ${repo}@${digest}`);
    return { layout: 'referrers', manifests: index.manifests };
  }
  res.body.resume();
  // 404 (no API), 400 / 405 (older registries): fall back to the tag schema
  if (res.status !== 404 && res.status !== 400 && res.status !== 405 && res.status !== 200) await client.expect(res, [200], req);
  const tagged = await fetchTagIfPresent(client, repo, digestTag(digest));
  if (!tagged) return { layout: 'referrers-tag', manifests: [] };
  if (tagged.kind !== 'index') return { layout: 'referrers-tag', manifests: [] };
  const index = parseJson(tagged.bytes, indexSchema, `referrers tag ${repo}:${digestTag(digest)}`);
  return { layout: 'referrers-tag', manifests: index.manifests };
}
