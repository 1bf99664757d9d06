/** Shared assembly: config + layer descriptors -> LayerRefs with diffIDs and history. */
import type { Readable } from 'node:stream';
import { BulwarkError } from '../shared/errors.js';
import { LAYER_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, INDEX_MEDIA_TYPES } from './media-types.js';
import { configSchema, parseJson, type Descriptor, type ImageIndex } from './schema.js';
import type { FileRegion, ImageConfig, LayerRef, Platform } from './types.js';

export function parseConfig(bytes: Buffer, what: string): ImageConfig {
  return parseJson(bytes, configSchema, what, 'MALFORMED_CONFIG') as ImageConfig;
}

/** created_by of each non-empty history entry, in layer order. */
export function layerHistory(config: ImageConfig): (string | undefined)[] {
  return (config.history ?? []).filter((h) => !h.empty_layer).map((h) => h.created_by);
}

export interface LayerSpec {
  digest?: string;
  mediaType: string;
  size?: number;
  open: () => Promise<Readable>;
  locate?: () => Promise<FileRegion>;
}

export function assembleLayers(config: ImageConfig, specs: LayerSpec[], what: string): LayerRef[] {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== specs.length) {
    throw new BulwarkError(
      'MALFORMED_MANIFEST',
      `${what}: manifest lists ${specs.length} layers but the config has ${diffIds.length} diff_ids`,
    );
  }
  const history = layerHistory(config);
  return specs.map((s, i) => {
    if (!LAYER_MEDIA_TYPES.has(s.mediaType)) {
      throw new BulwarkError('UNSUPPORTED_MEDIA_TYPE', `${what}: layer ${i + 1} has unsupported media type ${JSON.stringify(s.mediaType)}`);
    }
    return { index: i, digest: s.digest, diffId: diffIds[i]!, mediaType: s.mediaType, size: s.size, createdBy: history[i], open: s.open, ...(s.locate ? { locate: s.locate } : {}) };
  });
}

export function hostPlatform(): Platform {
  const arch = ({ x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' } as Record<string, string>)[process.arch] ?? process.arch;
  return { os: 'linux', architecture: arch, variant: arch === 'arm64' ? 'v8' : undefined };
}

export function parsePlatform(s: string): Platform {
  const [os, architecture, variant] = s.split('/');
  if (!os || !architecture) throw new BulwarkError('USAGE', `--platform must look like os/arch[/variant], got ${JSON.stringify(s)}`);
  return { os, architecture, variant };
}

export function formatPlatform(p: Platform | undefined): string {
  if (!p) return 'unknown';
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** Picks the index entry for a platform. Without one asked for, a single image is taken, else the host's platform. */
export function selectFromIndex(index: ImageIndex, what: string, platform?: Platform, refName?: string): Descriptor {
  let candidates = index.manifests.filter((m) => MANIFEST_MEDIA_TYPES.has(m.mediaType) || INDEX_MEDIA_TYPES.has(m.mediaType));
  // attestation manifests (docker buildx) are not images
  candidates = candidates.filter((m) => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' && m.platform?.os !== 'unknown');
  if (refName) {
    const named = candidates.filter((m) => m.annotations?.['org.opencontainers.image.ref.name'] === refName);
    if (named.length === 0) throw new BulwarkError('NOT_FOUND', `${what}: no image named ${JSON.stringify(refName)} in the index`);
    candidates = named;
  }
  if (candidates.length === 0) throw new BulwarkError('MALFORMED_MANIFEST', `${what}: the index lists no image manifests`);
  if (!platform && candidates.length === 1) return candidates[0]!;
  const want = platform ?? hostPlatform();
  const withPlatform = candidates.filter((m) => m.platform);
  if (withPlatform.length === 0 && candidates.length >= 1) return candidates[0]!;
  const match =
    withPlatform.find((m) => m.platform!.os === want.os && m.platform!.architecture === want.architecture && (!want.variant || m.platform!.variant === want.variant)) ??
    withPlatform.find((m) => m.platform!.os === want.os && m.platform!.architecture === want.architecture);
  if (!match) {
    const have = withPlatform.map((m) => formatPlatform(m.platform as Platform)).join(', ');
    throw new BulwarkError('NO_MATCHING_PLATFORM', `${what}: no image for platform ${formatPlatform(want)} (available: ${have})`);
  }
  return match;
}
