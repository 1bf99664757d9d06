/**
 * Bulwark's own image writer: builds docker-save archives, OCI layouts and OCI archives from a
 * declarative spec. Tests build their fixtures with it; the benchmark builds its large image with it.
 * Layers are written as streams to disk (never held whole in memory).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import type { Compression, ImageConfig } from '../source/types.js';

export interface FileSpec {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';
  content?: string | Buffer;
  /** generated content of this many bytes (when no content); `fill` picks the byte pattern */
  size?: number;
  fill?: 'zero' | 'random';
  mode?: number;
  uid?: number;
  gid?: number;
  link?: string;
  /** write this exact tar entry name (for hostile-input tests) */
  rawName?: string;
}

export interface LayerSpec {
  files: FileSpec[];
  compression?: Compression;
  createdBy?: string;
}

export interface ImageSpec {
  layers: LayerSpec[];
  os?: string;
  architecture?: string;
  variant?: string;
  config?: ImageConfig['config'];
  /** extra history entries with empty_layer, placed before the layer entries */
  emptyHistory?: string[];
  created?: string;
}

export interface WrittenLayer {
  digest: string;
  diffId: string;
  size: number;
  mediaType: string;
  file: string;
}

export interface WrittenImage {
  path: string;
  manifestDigest: string;
  configDigest: string;
  manifest: Buffer;
  config: Buffer;
  layers: WrittenLayer[];
}

class Hasher extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(c: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(c);
    this.bytes += c.length;
    cb(null, c);
  }
}

function filler(size: number, kind: 'zero' | 'random', seed: string): Readable {
  let left = size;
  let counter = 0;
  const base = createHash('sha256').update(seed).digest();
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, 64 * 1024);
      let chunk: Buffer;
      if (kind === 'zero') chunk = Buffer.alloc(n);
      else {
        chunk = Buffer.allocUnsafe(n);
        for (let off = 0; off < n; off += 32) {
          createHash('sha256').update(base).update(String(counter++)).digest().copy(chunk, off);
        }
      }
      left -= n;
      this.push(chunk);
    },
  });
}

async function addEntry(pack: tar.Pack, f: FileSpec): Promise<void> {
  const type = f.type ?? 'file';
  const name = (f.rawName ?? f.path.replace(/^\/+/, '')) || '.';
  const common = { mode: f.mode, uid: f.uid ?? 0, gid: f.gid ?? 0, mtime: new Date(0) };
  if (type === 'dir') {
    pack.entry({ ...common, name, type: 'directory', mode: f.mode ?? 0o755 });
    return;
  }
  if (type === 'symlink' || type === 'hardlink') {
    pack.entry({ ...common, name, type: type === 'symlink' ? 'symlink' : 'link', linkname: f.link ?? '', mode: f.mode ?? 0o777 });
    return;
  }
  if (type === 'whiteout' || type === 'opaque') {
    const parts = name.split('/');
    const base = parts.pop()!;
    const wh = type === 'opaque' ? '.wh..wh..opq' : `.wh.${base}`;
    const whName = type === 'opaque' ? [...parts, base, wh].join('/') : [...parts, wh].join('/');
    pack.entry({ ...common, name: whName, mode: 0o644 }, '');
    return;
  }
  if (f.content !== undefined) {
    const buf = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
    pack.entry({ ...common, name, mode: f.mode ?? 0o644, size: buf.length }, buf);
    return;
  }
  const size = f.size ?? 0;
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ ...common, name, mode: f.mode ?? 0o644, size }, (err) => (err ? reject(err) : resolve()));
    filler(size, f.fill ?? 'random', f.path).pipe(entry as unknown as NodeJS.WritableStream);
  });
}

function compressor(c: Compression): Transform | undefined {
  if (c === 'gzip') return createGzip({ level: 6 });
  if (c === 'zstd') return zstdTransform();
  return undefined;
}

/** zstd through Debian's zstd CLI: Bulwark itself only needs to decompress zstd. */
function zstdTransform(): Transform {
  const child = spawn('zstd', ['-q', '-c', '-3'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let ended = false;
  let flushCb: TransformCallback | undefined;
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) {
      if (!child.stdin.write(chunk)) child.stdin.once('drain', () => cb());
      else cb();
    },
    flush(cb) {
      flushCb = cb;
      child.stdin.end();
      if (ended) cb();
    },
  });
  child.stdout.on('data', (d: Buffer) => t.push(d));
  child.stdout.on('end', () => {
    ended = true;
    flushCb?.();
  });
  child.on('error', (e) => t.destroy(e));
  return t;
}

export function layerMediaType(c: Compression, oci: boolean): string {
  if (!oci) return c === 'none' ? 'application/vnd.docker.image.rootfs.diff.tar' : 'application/vnd.docker.image.rootfs.diff.tar.gzip';
  return c === 'none' ? 'application/vnd.oci.image.layer.v1.tar' : `application/vnd.oci.image.layer.v1.tar+${c}`;
}

/** Writes one layer to `file`, returning its digests. */
export async function writeLayer(spec: LayerSpec, file: string): Promise<WrittenLayer> {
  const compression = spec.compression ?? 'gzip';
  const pack = tar.pack();
  const raw = new Hasher();
  const comp = new Hasher();
  const stages: NodeJS.ReadWriteStream[] = [raw];
  const c = compressor(compression);
  if (c) stages.push(c);
  stages.push(comp);
  const done = (pipeline as unknown as (...s: unknown[]) => Promise<void>)(pack, ...stages, createWriteStream(file));
  for (const f of spec.files) await addEntry(pack, f);
  pack.finalize();
  await done;
  const diffId = `sha256:${raw.hash.digest('hex')}`;
  const digest = compression === 'none' ? diffId : `sha256:${comp.hash.digest('hex')}`;
  return { digest, diffId, size: comp.bytes, mediaType: layerMediaType(compression, true), file };
}

function buildConfig(spec: ImageSpec, layers: WrittenLayer[]): Buffer {
  const history = [
    ...(spec.emptyHistory ?? []).map((c) => ({ created: spec.created ?? '2024-01-01T00:00:00Z', created_by: c, empty_layer: true })),
    ...spec.layers.map((l, i) => ({ created: spec.created ?? '2024-01-01T00:00:00Z', created_by: l.createdBy ?? `layer ${i + 1}` })),
  ];
  const cfg: ImageConfig = {
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    ...(spec.variant ? { variant: spec.variant } : {}),
    created: spec.created ?? '2024-01-01T00:00:00Z',
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history,
  };
  return Buffer.from(JSON.stringify(cfg));
}

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function moveBlob(dir: string, digest: string, from: string): Promise<void> {
  const dest = join(dir, 'blobs', 'sha256', digest.slice(7));
  await rename(from, dest).catch(async () => {
    await pipeline(createReadStream(from), createWriteStream(dest));
    await rm(from, { force: true });
  });
}

/** Writes the layers of a spec into a scratch dir and returns config + manifest (OCI). */
export async function buildImage(spec: ImageSpec, scratch: string): Promise<{ layers: WrittenLayer[]; config: Buffer; manifest: Buffer }> {
  const layers: WrittenLayer[] = [];
  for (const [i, l] of spec.layers.entries()) layers.push(await writeLayer(l, join(scratch, `layer-${i}`)));
  const config = buildConfig(spec, layers);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    }),
  );
  return { layers, config, manifest };
}

export interface WriteOptions {
  format: 'oci-layout' | 'oci-archive' | 'docker-archive';
  /** gzip the whole archive (docker save | gzip) */
  gzipArchive?: boolean;
  refName?: string;
  repoTag?: string;
}

/** Writes an image in one of the three on-disk forms. */
export async function writeImage(spec: ImageSpec, path: string, opts: WriteOptions): Promise<WrittenImage> {
  const scratch = await mkdtemp(join(tmpdir(), 'bulwark-writer-'));
  try {
    if (opts.format === 'docker-archive') {
      // docker save stores layers uncompressed
      const s2 = { ...spec, layers: spec.layers.map((l) => ({ ...l, compression: 'none' as const })) };
      const { layers, config } = await buildImage(s2, scratch);
      const pack = tar.pack();
      const out = opts.gzipArchive ? [createGzip()] : [];
      const done = (pipeline as unknown as (...s: unknown[]) => Promise<void>)(pack, ...out, createWriteStream(path));
      const cfgName = `${sha(config).slice(7)}.json`;
      const layerNames = layers.map((l) => `${l.diffId.slice(7)}/layer.tar`);
      for (const [i, l] of layers.entries()) {
        const { size } = await stat(l.file);
        await new Promise<void>((resolve, reject) => {
          const e = pack.entry({ name: layerNames[i]!, size, mode: 0o644, mtime: new Date(0) }, (err) => (err ? reject(err) : resolve()));
          createReadStream(l.file).pipe(e as unknown as NodeJS.WritableStream);
        });
      }
      pack.entry({ name: cfgName, mode: 0o644, mtime: new Date(0) }, config);
      const manifestJson = Buffer.from(JSON.stringify([{ Config: cfgName, RepoTags: opts.repoTag ? [opts.repoTag] : [], Layers: layerNames }]));
      pack.entry({ name: 'manifest.json', mode: 0o644, mtime: new Date(0) }, manifestJson);
      pack.finalize();
      await done;
      return { path, manifestDigest: sha(manifestJson), configDigest: sha(config), manifest: manifestJson, config, layers };
    }
    const { layers, config, manifest } = await buildImage(spec, scratch);
    const dir = opts.format === 'oci-layout' ? path : join(scratch, 'layout');
    await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
    for (const l of layers) await moveBlob(dir, l.digest, l.file);
    await writeFile(join(dir, 'blobs', 'sha256', sha(config).slice(7)), config);
    await writeFile(join(dir, 'blobs', 'sha256', sha(manifest).slice(7)), manifest);
    await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    const desc = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha(manifest),
      size: manifest.length,
      ...(opts.refName ? { annotations: { 'org.opencontainers.image.ref.name': opts.refName } } : {}),
    };
    await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [desc] }));
    if (opts.format === 'oci-archive') await tarDirectory(dir, path, opts.gzipArchive);
    return { path, manifestDigest: sha(manifest), configDigest: sha(config), manifest, config, layers: layers.map((l) => ({ ...l, file: join(dir, 'blobs', 'sha256', l.digest.slice(7)) })) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Tars a directory (flat walk, files only plus dirs) into `out`. */
export async function tarDirectory(dir: string, out: string, gzip = false): Promise<void> {
  const pack = tar.pack();
  const done = (pipeline as unknown as (...s: unknown[]) => Promise<void>)(pack, ...(gzip ? [createGzip()] : []), createWriteStream(out));
  async function walk(rel: string): Promise<void> {
    for (const d of (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        pack.entry({ name: r, type: 'directory', mode: 0o755, mtime: new Date(0) });
        await walk(r);
      } else {
        const { size } = await stat(join(dir, r));
        await new Promise<void>((resolve, reject) => {
          const e = pack.entry({ name: r, size, mode: 0o644, mtime: new Date(0) }, (err) => (err ? reject(err) : resolve()));
          createReadStream(join(dir, r)).pipe(e as unknown as NodeJS.WritableStream);
        });
      }
    }
  }
  await walk('');
  pack.finalize();
  await done;
}
