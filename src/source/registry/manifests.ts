/**
 * Reading from a registry: manifests (size-capped, digest-verified against the requested digest
 * or the Docker-Content-Digest header), tag -> digest resolution with HEAD, small blobs (verified)
 * and layer blobs as streams (verified by the layer walker as they are read).
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { BulwarkError } from '../../shared/errors.js';
import { sha256, verifyBytes } from '../digest.js';
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, MT } from '../media-types.js';
import { parseJson } from '../schema.js';
import type { RegistryClient } from './client.js';
import { readBody } from './transport.js';

/** The OCI spec lets registries refuse manifests over 4 MiB; so do we. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Configs are JSON too, but history can be long. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Everything we can read, most specific first. */
export const MANIFEST_ACCEPT = [MT.ociIndex, MT.ociManifest, MT.dockerList, MT.dockerManifest].join(', ');

export interface FetchedManifest {
  bytes: Buffer;
  digest: string;
  mediaType: string;
  kind: 'index' | 'manifest';
}

const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const shape = z.object({ mediaType: z.string().optional(), manifests: z.unknown().optional(), config: z.unknown().optional() }).passthrough();

function isDigest(ref: string): boolean {
  return ref.includes(':');
}

function display(client: RegistryClient, repo: string, ref: string): string {
  return `${client.registry}/${repo}${isDigest(ref) ? '@' : ':'}${ref}`;
}

/** Classifies a manifest by its own mediaType field (digest-covered), else the Content-Type, else its shape. */
function classify(bytes: Buffer, contentType: string | undefined, what: string): { mediaType: string; kind: 'index' | 'manifest' } {
  const body = parseJson(bytes, shape, what);
  const mediaType = body.mediaType ?? contentType?.split(';')[0]?.trim() ?? '';
  if (INDEX_MEDIA_TYPES.has(mediaType)) return { mediaType, kind: 'index' };
  if (MANIFEST_MEDIA_TYPES.has(mediaType)) return { mediaType, kind: 'manifest' };
  if (!body.mediaType && body.manifests !== undefined) return { mediaType: MT.ociIndex, kind: 'index' };
  if (!body.mediaType && body.config !== undefined) return { mediaType: MT.ociManifest, kind: 'manifest' };
  const hint = /manifest\.v1\+(pretty)?jws|manifest\.v1\+json/.test(mediaType) ? ' (Docker schema 1 manifests are not supported)' : '';
  throw new BulwarkError('UNSUPPORTED_MEDIA_TYPE', `${what} has unsupported media type ${JSON.stringify(mediaType)}${hint}`);
}

/** GETs a manifest or index by tag or digest and checks its digest. */
export async function getManifest(client: RegistryClient, repo: string, ref: string): Promise<FetchedManifest> {
  const what = `manifest ${display(client, repo, ref)}`;
  if (isDigest(ref) && !DIGEST_RE.test(ref)) throw new BulwarkError('MALFORMED_MANIFEST', `${what}: unsupported or invalid digest`);
  const req = { repository: repo, kind: 'manifest', ref };
  const res = await client.request({ method: 'GET', path: `/v2/${repo}/manifests/${ref}`, headers: { accept: MANIFEST_ACCEPT }, ...req });
  await client.expect(res, [200], req);
  const bytes = await readBody(res, MAX_MANIFEST_BYTES, what);
  let digest: string;
  if (isDigest(ref)) {
    verifyBytes(bytes, ref, what);
    digest = ref;
  } else {
    const header = res.headers['docker-content-digest'];
    digest = sha256(bytes);
    if (typeof header === 'string' && header) {
      if (!DIGEST_RE.test(header)) throw new BulwarkError('REGISTRY_ERROR', `${what}: registry sent an invalid Docker-Content-Digest ${JSON.stringify(header.slice(0, 100))}`);
      verifyBytes(bytes, header, what);
      digest = header;
    }
  }
  return { bytes, digest, ...classify(bytes, res.headers['content-type'], what) };
}

/** Resolves a tag to the digest of what it points at (HEAD; GET when the registry omits the header). */
export async function resolveDigest(client: RegistryClient, repo: string, ref: string): Promise<{ digest: string; mediaType?: string; size?: number }> {
  if (isDigest(ref)) return { digest: ref };
  const req = { repository: repo, kind: 'manifest', ref };
  const res = await client.request({ method: 'HEAD', path: `/v2/${repo}/manifests/${ref}`, headers: { accept: MANIFEST_ACCEPT }, ...req });
  res.body.resume();
  if (res.status === 200) {
    const header = res.headers['docker-content-digest'];
    if (typeof header === 'string' && DIGEST_RE.test(header)) {
      const size = Number(res.headers['content-length']);
      return { digest: header, mediaType: res.headers['content-type'], size: Number.isFinite(size) ? size : undefined };
    }
  } else if (res.status !== 405) {
    // a HEAD error has no body; the status is enough
    await client.expect(res, [200], req);
  }
  const m = await getManifest(client, repo, ref);
  return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
}

/** GETs a small blob (a config) and verifies its digest. */
export async function getBlob(client: RegistryClient, repo: string, digest: string, max = MAX_CONFIG_BYTES): Promise<Buffer> {
  const bytes = await readBody(await openBlobResponse(client, repo, digest), max, `blob ${client.registry}/${repo}@${digest}`);
  verifyBytes(bytes, digest, `blob ${client.registry}/${repo}@${digest}`);
  return bytes;
}

async function openBlobResponse(client: RegistryClient, repo: string, digest: string) {
  if (!DIGEST_RE.test(digest)) throw new BulwarkError('MALFORMED_MANIFEST', `${client.registry}/${repo}: unsupported or invalid digest ${JSON.stringify(digest.slice(0, 100))}`);
  const req = { repository: repo, kind: 'blob', ref: digest };
  const res = await client.request({ method: 'GET', path: `/v2/${repo}/blobs/${digest}`, ...req });
  await client.expect(res, [200], req);
  return res;
}

/** Streams a blob; the caller verifies the digest while reading (the layer walker does). */
export async function openBlob(client: RegistryClient, repo: string, digest: string): Promise<Readable> {
  return (await openBlobResponse(client, repo, digest)).body;
}
