/** OCI image layout, as a directory or inside an OCI archive tarball. */
import { BulwarkError } from '../shared/errors.js';
import type { BlobStore } from './blob-store.js';
import { verifyBytes } from './digest.js';
import { assembleLayers, parseConfig, selectFromIndex } from './image-parts.js';
import { CONFIG_MEDIA_TYPES, INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES } from './media-types.js';
import { indexSchema, manifestSchema, parseJson, type Descriptor } from './schema.js';
import type { ImageSource, Platform } from './types.js';

const MAX_JSON = 16 * 1024 * 1024;

function blobPath(digest: string, what: string): string {
  const m = /^(sha256|sha512):([a-f0-9]{64}|[a-f0-9]{128})$/.exec(digest);
  if (!m) throw new BulwarkError('MALFORMED_MANIFEST', `${what}: unsupported or invalid digest ${JSON.stringify(digest)}`);
  return `blobs/${m[1]}/${m[2]}`;
}

export interface OciOptions {
  platform?: Platform;
  /** org.opencontainers.image.ref.name to pick, e.g. "ssh" from "oci-archive:img.tar:ssh" */
  refName?: string;
}

export async function openOciLayout(
  store: BlobStore,
  kind: 'oci-layout' | 'oci-archive',
  reference: string,
  opts: OciOptions,
  close: () => Promise<void>,
): Promise<ImageSource> {
  const what = store.label;
  if (!(await store.has('index.json'))) throw new BulwarkError('MALFORMED_MANIFEST', `${what}: no index.json (not an OCI layout)`);
  let desc: Descriptor | undefined;
  let index = parseJson(await store.read('index.json', MAX_JSON), indexSchema, `${what}: index.json`);
  const names: string[] = [];
  for (let depth = 0; depth < 4; depth++) {
    desc = selectFromIndex(index, what, opts.platform, depth === 0 ? opts.refName : undefined);
    const rn = desc.annotations?.['org.opencontainers.image.ref.name'];
    if (rn) names.push(rn);
    if (!INDEX_MEDIA_TYPES.has(desc.mediaType)) break;
    index = parseJson(await store.read(blobPath(desc.digest, what), MAX_JSON), indexSchema, `${what}: index ${desc.digest}`);
  }
  if (!desc || !MANIFEST_MEDIA_TYPES.has(desc.mediaType)) {
    throw new BulwarkError('UNSUPPORTED_MEDIA_TYPE', `${what}: unsupported manifest media type ${JSON.stringify(desc?.mediaType)}`);
  }
  const manifestBytes = await store.read(blobPath(desc.digest, what), MAX_JSON);
  const manifest = parseJson(manifestBytes, manifestSchema, `${what}: manifest ${desc.digest}`);
  if (!CONFIG_MEDIA_TYPES.has(manifest.config.mediaType)) {
    throw new BulwarkError('UNSUPPORTED_MEDIA_TYPE', `${what}: config has unsupported media type ${JSON.stringify(manifest.config.mediaType)}`);
  }
  verifyBytes(manifestBytes, desc.digest, `${what}: manifest`);
  const configBytes = await store.read(blobPath(manifest.config.digest, what), MAX_JSON);
  verifyBytes(configBytes, manifest.config.digest, `${what}: config`);
  const config = parseConfig(configBytes, `${what}: config ${manifest.config.digest}`);
  const layers = assembleLayers(
    config,
    manifest.layers.map((l) => ({
      digest: l.digest,
      mediaType: l.mediaType,
      size: l.size,
      open: () => store.stream(blobPath(l.digest, what)),
      locate: () => store.locate(blobPath(l.digest, what)),
    })),
    what,
  );
  return {
    kind,
    reference,
    repoTags: names,
    repoDigests: [],
    manifestDigest: desc.digest,
    configDigest: manifest.config.digest,
    config,
    layers,
    close,
  };
}
