/**
 * Writing to a registry: blobs (skipped when HEAD says they exist; monolithic or chunked upload),
 * manifests and indexes. Tests push fixtures with it; signing will push signatures with
 * pushBlob / pushManifest.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { BulwarkError } from '../../shared/errors.js';
import { sha256 } from '../digest.js';
import { MT } from '../media-types.js';
import type { Platform } from '../types.js';
import { RegistryClient, type ClientOptions } from './client.js';
import { discard } from './transport.js';
import { manifestRef, parseReference, repoName } from './reference.js';

/** A blob to upload, from a file or from memory. */
export interface BlobInput {
  digest: string;
  size: number;
  file?: string;
  bytes?: Buffer;
}

export interface PushBlobOptions {
  /** upload in PATCH chunks of this many bytes (default: one monolithic PUT) */
  chunkSize?: number;
}

/** What buildImage() returns: layer files, config and manifest bytes. */
export interface PushableImage {
  layers: { file: string; digest: string; size: number }[];
  config: Buffer;
  manifest: Buffer;
}

export interface PushOptions extends ClientOptions, PushBlobOptions {}

function slice(blob: BlobInput, start: number, end: number): () => Buffer | Readable {
  if (blob.bytes) return () => blob.bytes!.subarray(start, end);
  if (!blob.file) throw new BulwarkError('USAGE', `blob ${blob.digest} has neither bytes nor a file`);
  return () => (end > start ? createReadStream(blob.file!, { start, end: end - 1 }) : Buffer.alloc(0));
}

function uploadUrl(client: RegistryClient, location: string | undefined, repo: string): URL {
  if (!location) throw new BulwarkError('REGISTRY_ERROR', `registry ${client.registry} started an upload to ${repo} without a Location`);
  return new URL(location, client.base);
}

/** Uploads one blob unless the registry already has it. Returns true when bytes were sent. */
export async function pushBlob(client: RegistryClient, repo: string, blob: BlobInput, opts: PushBlobOptions = {}): Promise<boolean> {
  const req = { repository: repo, push: true, kind: 'blob', ref: blob.digest };
  const head = await client.request({ method: 'HEAD', path: `/v2/${repo}/blobs/${blob.digest}`, ...req });
  head.body.resume();
  if (head.status === 200) return false;
  if (head.status !== 404) await client.expect(head, [200], req);
  const start = await client.request({ method: 'POST', path: `/v2/${repo}/blobs/uploads/`, headers: { 'content-length': '0' }, ...req, kind: 'upload' });
  await client.expect(start, [202], { ...req, kind: 'upload' });
  await discard(start);
  let location = uploadUrl(client, start.headers.location, repo);
  const chunk = opts.chunkSize && opts.chunkSize < blob.size ? opts.chunkSize : undefined;
  if (chunk) {
    for (let off = 0; off < blob.size; off += chunk) {
      const end = Math.min(blob.size, off + chunk);
      const res = await client.request({
        method: 'PATCH',
        path: location,
        headers: { 'content-type': 'application/octet-stream', 'content-range': `${off}-${end - 1}`, 'content-length': String(end - off) },
        body: slice(blob, off, end),
        ...req,
        kind: 'upload',
      });
      await client.expect(res, [202], { ...req, kind: 'upload' });
      await discard(res);
      location = uploadUrl(client, res.headers.location, repo);
    }
  }
  location.searchParams.set('digest', blob.digest);
  const size = chunk ? 0 : blob.size;
  const put = await client.request({
    method: 'PUT',
    path: location,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body: slice(blob, 0, size),
    ...req,
    kind: 'upload',
  });
  await client.expect(put, [201, 204], { ...req, kind: 'upload' });
  await discard(put);
  const got = put.headers['docker-content-digest'];
  if (typeof got === 'string' && got && got !== blob.digest) {
    throw new BulwarkError('DIGEST_MISMATCH', `registry ${client.registry} stored blob ${blob.digest} in ${repo} as ${got}`);
  }
  return true;
}

/** PUTs a manifest (or index, or any artifact manifest) under a tag or its digest; returns its digest. */
export async function pushManifest(client: RegistryClient, repo: string, ref: string, bytes: Buffer, mediaType?: string): Promise<string> {
  const digest = sha256(bytes);
  const type = mediaType ?? mediaTypeOf(bytes);
  const req = { repository: repo, push: true, kind: 'manifest', ref };
  const res = await client.request({ method: 'PUT', path: `/v2/${repo}/manifests/${ref}`, headers: { 'content-type': type, 'content-length': String(bytes.length) }, body: () => bytes, ...req });
  await client.expect(res, [201, 200, 204], req);
  await discard(res);
  const got = res.headers['docker-content-digest'];
  if (typeof got === 'string' && got.startsWith('sha256:') && got !== digest) {
    throw new BulwarkError('DIGEST_MISMATCH', `registry ${client.registry} stored manifest ${digest} in ${repo} as ${got}`);
  }
  return digest;
}

function mediaTypeOf(bytes: Buffer): string {
  try {
    const mt = (JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown }).mediaType;
    if (typeof mt === 'string') return mt;
  } catch {
    // fall through to the OCI default
  }
  return MT.ociManifest;
}

async function pushImageParts(client: RegistryClient, repo: string, image: PushableImage, opts: PushBlobOptions): Promise<void> {
  for (const l of image.layers) await pushBlob(client, repo, { digest: l.digest, size: l.size, file: l.file }, opts);
  await pushBlob(client, repo, { digest: sha256(image.config), size: image.config.length, bytes: image.config }, opts);
}

async function withClient<T>(reference: string, opts: PushOptions, fn: (c: RegistryClient, repo: string, ref: string) => Promise<T>): Promise<T> {
  const ref = parseReference(reference);
  const client = new RegistryClient(ref.registry, opts);
  try {
    return await fn(client, ref.repository, manifestRef(ref));
  } finally {
    client.close();
  }
}

/** Pushes layers, config and manifest, tagging the manifest as the reference says. */
export async function pushImage(reference: string, image: PushableImage, opts: PushOptions = {}): Promise<{ digest: string; name: string }> {
  return withClient(reference, opts, async (client, repo, ref) => {
    await pushImageParts(client, repo, image, opts);
    const digest = await pushManifest(client, repo, ref, image.manifest);
    return { digest, name: `${repoName(parseReference(reference))}@${digest}` };
  });
}

/** Pushes each image by digest, then an OCI index over them under the reference. */
export async function pushIndex(reference: string, images: { image: PushableImage; platform: Platform }[], opts: PushOptions = {}): Promise<{ digest: string; index: Buffer; manifests: string[] }> {
  return withClient(reference, opts, async (client, repo, ref) => {
    const manifests = [];
    for (const { image, platform } of images) {
      await pushImageParts(client, repo, image, opts);
      const digest = await pushManifest(client, repo, sha256(image.manifest), image.manifest);
      manifests.push({ mediaType: mediaTypeOf(image.manifest), digest, size: image.manifest.length, platform });
    }
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests }));
    const digest = await pushManifest(client, repo, ref, index, MT.ociIndex);
    return { digest, index, manifests: manifests.map((m) => m.digest) };
  });
}

/** Pushes arbitrary blobs and a manifest that refers to them (signatures, attestations). */
export async function pushArtifact(reference: string, blobs: Buffer[], manifest: Buffer, mediaType: string, opts: PushOptions = {}): Promise<string> {
  return withClient(reference, opts, async (client, repo, ref) => {
    for (const b of blobs) await pushBlob(client, repo, { digest: sha256(b), size: b.length, bytes: b }, opts);
    return pushManifest(client, repo, ref, manifest, mediaType);
  });
}
