/**
 * Remote registries through the OCI distribution API: resolves a reference to one image
 * (picking a platform from an index), verifies manifest and config digests, and streams layers.
 */
import { BulwarkError } from '../../shared/errors.js';
import { assembleLayers, parseConfig, selectFromIndex } from '../image-parts.js';
import { CONFIG_MEDIA_TYPES } from '../media-types.js';
import { indexSchema, manifestSchema, parseJson } from '../schema.js';
import type { ImageSource, Platform } from '../types.js';
import { RegistryClient, type ClientOptions } from './client.js';
import { getBlob, getManifest, openBlob, type FetchedManifest } from './manifests.js';
import { formatReference, manifestRef, parseReference, repoName } from './reference.js';

export { RegistryClient, type ClientOptions } from './client.js';
export { parseReference, formatReference, type ImageReference } from './reference.js';
export { pushImage, pushIndex, pushBlob, pushManifest, pushArtifact } from './push.js';
export { getManifest, getBlob, openBlob, resolveDigest } from './manifests.js';

export interface RegistryOptions {
  platform?: Platform;
  /** allow plain HTTP (for loopback registries) */
  plainHttp?: boolean;
  insecureSkipVerify?: boolean;
  username?: string;
  password?: string;
  /** path of docker config.json; default ~/.docker/config.json or $DOCKER_CONFIG/config.json */
  dockerConfig?: string;
  tmpDir: string;
  /** retries for transient failures (default 3); tests lower it */
  retries?: number;
  timeoutMs?: number;
}

/** Client options from registry options. */
export function clientOptions(opts: Omit<RegistryOptions, 'tmpDir' | 'platform'>): ClientOptions {
  return {
    plainHttp: opts.plainHttp,
    insecureSkipVerify: opts.insecureSkipVerify,
    username: opts.username,
    password: opts.password,
    dockerConfig: opts.dockerConfig,
    retries: opts.retries,
    timeoutMs: opts.timeoutMs,
  };
}

/** Follows index -> platform manifest (nested indexes up to 4 deep). */
async function resolveImageManifest(client: RegistryClient, repo: string, top: FetchedManifest, what: string, platform?: Platform): Promise<FetchedManifest> {
  let cur = top;
  for (let depth = 0; cur.kind === 'index'; depth++) {
    if (depth >= 4) throw new BulwarkError('MALFORMED_MANIFEST', `${what}: indexes nested too deep`);
    const index = parseJson(cur.bytes, indexSchema, `${what}: index ${cur.digest}`);
    const desc = selectFromIndex(index, what, platform);
    const child = await getManifest(client, repo, desc.digest);
    if (child.bytes.length !== desc.size) {
      throw new BulwarkError('DIGEST_MISMATCH', `${what}: manifest ${desc.digest} is ${child.bytes.length} bytes, the index says ${desc.size}`);
    }
    cur = child;
  }
  return cur;
}

/** Opens `reference` (alpine, ghcr.io/o/r:tag, host:port/r@sha256:…) as an ImageSource. */
export async function openRegistryImage(reference: string, opts: RegistryOptions): Promise<ImageSource> {
  const ref = parseReference(reference);
  const name = formatReference(ref);
  const client = new RegistryClient(ref.registry, clientOptions(opts));
  try {
    const top = await getManifest(client, ref.repository, manifestRef(ref));
    const img = await resolveImageManifest(client, ref.repository, top, name, opts.platform);
    const manifest = parseJson(img.bytes, manifestSchema, `${name}: manifest ${img.digest}`);
    if (!CONFIG_MEDIA_TYPES.has(manifest.config.mediaType)) {
      const hint = manifest.artifactType || manifest.config.mediaType;
      throw new BulwarkError('UNSUPPORTED_MEDIA_TYPE', `${name} is not a container image (config media type ${JSON.stringify(hint)})`);
    }
    const configBytes = await getBlob(client, ref.repository, manifest.config.digest);
    const config = parseConfig(configBytes, `${name}: config ${manifest.config.digest}`);
    const layers = assembleLayers(
      config,
      manifest.layers.map((l) => ({ digest: l.digest, mediaType: l.mediaType, size: l.size, open: () => openBlob(client, ref.repository, l.digest) })),
      name,
    );
    return {
      kind: 'registry',
      reference,
      name,
      repoTags: ref.tag ? [`${repoName(ref)}:${ref.tag}`] : [],
      // what `docker pull repo@digest` takes: the top-level digest (the index for multi-arch images)
      repoDigests: [`${repoName(ref)}@${top.digest}`],
      manifestDigest: img.digest,
      configDigest: manifest.config.digest,
      config,
      layers,
      close: async () => client.close(),
    };
  } catch (err) {
    client.close();
    throw err;
  }
}
