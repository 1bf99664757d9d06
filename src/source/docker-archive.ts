/** `docker save` archives: manifest.json + config + one tar per layer (legacy <id>/layer.tar or blobs/sha256/<hex>). */
import { BulwarkError } from '../shared/errors.js';
import type { BlobStore } from './blob-store.js';
import { sha256 } from './digest.js';
import { assembleLayers, parseConfig } from './image-parts.js';
import { dockerSaveManifestSchema, parseJson } from './schema.js';
import type { ImageSource } from './types.js';

const MAX_JSON = 16 * 1024 * 1024;

export async function openDockerArchive(
  store: BlobStore,
  reference: string,
  close: () => Promise<void>,
  tag?: string,
): Promise<ImageSource> {
  const what = store.label;
  const entries = parseJson(await store.read('manifest.json', MAX_JSON), dockerSaveManifestSchema, `${what}: manifest.json`);
  let entry = entries[0]!;
  if (tag) {
    const found = entries.find((e) => (e.RepoTags ?? []).some((t) => t === tag || t.endsWith(`/${tag}`)));
    if (!found) throw new BulwarkError('NOT_FOUND', `${what}: no image tagged ${JSON.stringify(tag)}`);
    entry = found;
  }
  const configBytes = await store.read(entry.Config, MAX_JSON);
  const configDigest = sha256(configBytes);
  const hexInName = /([a-f0-9]{64})(?:\.json)?$/.exec(entry.Config)?.[1];
  if (hexInName && `sha256:${hexInName}` !== configDigest) {
    throw new BulwarkError('DIGEST_MISMATCH', `${what}: config ${entry.Config} digest mismatch: got ${configDigest}`);
  }
  const config = parseConfig(configBytes, `${what}: ${entry.Config}`);
  const specs = [];
  for (const path of entry.Layers) {
    specs.push({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar',
      size: await store.size(path),
      open: () => store.stream(path),
      locate: () => store.locate(path),
    });
  }
  return {
    kind: 'docker-archive',
    reference,
    repoTags: entry.RepoTags ?? [],
    repoDigests: [],
    configDigest,
    config,
    layers: assembleLayers(config, specs, what),
    close,
  };
}
