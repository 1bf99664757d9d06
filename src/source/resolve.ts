/**
 * Turns what the user typed into an ImageSource. Explicit prefixes win
 * (docker-archive:, oci-archive:, oci:, registry:, docker://); otherwise an existing path is sniffed,
 * and anything else is a registry reference.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { readHead } from '../shared/fs.js';
import { BulwarkError, errorMessage } from '../shared/errors.js';
import { defaultLimits } from '../layer/limits.js';
import { DirBlobStore, TarBlobStore } from './blob-store.js';
import { openDockerArchive } from './docker-archive.js';
import { openOciLayout } from './oci-layout.js';
import type { RegistryOptions } from './registry/index.js';
import type { ImageSource, Platform } from './types.js';

export interface OpenOptions {
  platform?: Platform;
  tmpDir: string;
  registry?: Omit<RegistryOptions, 'platform' | 'tmpDir'>;
}

export type TargetKind = 'docker-archive' | 'oci-archive' | 'oci-layout' | 'registry' | 'rootfs' | 'auto';

export function splitPrefix(target: string): { kind: TargetKind; rest: string } {
  const m = /^(docker-archive|oci-archive|oci-dir|oci|dir|rootfs|registry|docker):(.*)$/.exec(target);
  if (!m) return { kind: 'auto', rest: target };
  const k = m[1]!;
  let rest = m[2]!;
  if (k === 'docker') {
    if (!rest.startsWith('//')) return { kind: 'auto', rest: target };
    rest = rest.slice(2);
    return { kind: 'registry', rest };
  }
  const kind: TargetKind =
    k === 'oci' || k === 'oci-dir' ? 'oci-layout' : k === 'dir' ? 'rootfs' : (k as TargetKind);
  return { kind, rest };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const CHUNK = 1024 * 1024;

/** Decompresses a gzipped archive into the temp dir (bounded by the bomb limits). */
async function gunzipToTemp(file: string, tmpDir: string): Promise<string> {
  const out = join(tmpDir, `archive-${randomBytes(6).toString('hex')}.tar`);
  const limits = defaultLimits();
  const { size: compressed } = await stat(file);
  let n = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
      n += chunk.length;
      if (n > limits.maxLayerBytes || (n > limits.ratioFloorBytes && n / Math.max(1, compressed) > limits.maxRatio)) {
        cb(new BulwarkError('DECOMPRESSION_BOMB', `${file}: decompression bomb (expands past ${n} bytes from ${compressed})`));
        return;
      }
      cb(null, chunk);
    },
  });
  try {
    // big chunks: with zlib's 16 KiB default, a small image spends most of its time in thread-pool hops
    await pipeline(createReadStream(file, { highWaterMark: CHUNK }), createGunzip({ chunkSize: CHUNK }), guard, createWriteStream(out, { mode: 0o600, highWaterMark: CHUNK }));
  } catch (err) {
    await rm(out, { force: true });
    if (err instanceof BulwarkError) throw err;
    const msg = errorMessage(err);
    if (/unexpected end/i.test(msg)) throw new BulwarkError('ARCHIVE_TRUNCATED', `${file} is truncated (${msg})`);
    throw new BulwarkError('ARCHIVE_CORRUPT', `${file} is a corrupt gzip file (${msg})`);
  }
  return out;
}

/** Splits "path:name" for archives and layouts whose ref name follows the path. */
async function splitRefName(rest: string): Promise<{ path: string; name?: string }> {
  if (await exists(rest)) return { path: rest };
  const i = rest.lastIndexOf(':');
  if (i > 0 && (await exists(rest.slice(0, i)))) return { path: rest.slice(0, i), name: rest.slice(i + 1) };
  return { path: rest };
}

async function openArchiveFile(file: string, label: string, reference: string, forced: TargetKind, refName: string | undefined, opts: OpenOptions): Promise<ImageSource> {
  const h = await readHead(file, 4);
  let tarFile = file;
  let cleanup = async (): Promise<void> => {};
  if (h[0] === 0x1f && h[1] === 0x8b) {
    tarFile = await gunzipToTemp(file, opts.tmpDir);
    const t = tarFile;
    cleanup = () => rm(t, { force: true });
  }
  try {
    const store = await TarBlobStore.open(tarFile, label);
    const isDocker = await store.has('manifest.json');
    const isOci = await store.has('index.json');
    if (forced === 'docker-archive' || (forced === 'auto' && isDocker)) {
      if (!isDocker) throw new BulwarkError('MALFORMED_MANIFEST', `${label}: no manifest.json (not a docker-save archive)`);
      return await openDockerArchive(store, reference, cleanup, refName);
    }
    if (isOci) return await openOciLayout(store, 'oci-archive', reference, { platform: opts.platform, refName }, cleanup);
    throw new BulwarkError('MALFORMED_MANIFEST', `${label}: neither manifest.json nor index.json found (not an image archive)`);
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Opens any image target. Directories that are not OCI layouts are rootfs targets: see isRootfsTarget. */
export async function openSource(target: string, opts: OpenOptions): Promise<ImageSource> {
  const { kind, rest } = splitPrefix(target);
  if (kind === 'registry') return (await registryClient())(rest, { ...opts.registry, platform: opts.platform, tmpDir: opts.tmpDir });
  if (kind === 'rootfs') throw new BulwarkError('USAGE', `${rest} is a directory: scan it with "bulwark rootfs"`);
  const { path, name } = await splitRefName(rest);
  if (!(await exists(path))) {
    if (kind !== 'auto') throw new BulwarkError('NOT_FOUND', `${path}: no such file or directory`);
    if (/^[./~]/.test(rest) || /\.(tar|tgz|gz)$/.test(rest)) throw new BulwarkError('NOT_FOUND', `${rest}: no such file or directory`);
    return (await registryClient())(rest, { ...opts.registry, platform: opts.platform, tmpDir: opts.tmpDir });
  }
  const st = await stat(path);
  if (st.isDirectory()) {
    const isLayout = (await exists(join(path, 'index.json'))) || (await exists(join(path, 'oci-layout')));
    if (!isLayout) {
      if (kind === 'oci-layout') throw new BulwarkError('MALFORMED_MANIFEST', `${path}: no index.json (not an OCI layout)`);
      throw new BulwarkError('USAGE', `${path} is a directory but not an OCI layout: scan it with "bulwark rootfs ${path}"`);
    }
    return openOciLayout(new DirBlobStore(path, path), 'oci-layout', target, { platform: opts.platform, refName: name }, async () => {});
  }
  return openArchiveFile(path, path, target, kind, name, opts);
}

/** True when the target names a plain directory (a root filesystem) rather than an image. */
export async function isRootfsTarget(target: string): Promise<string | undefined> {
  const { kind, rest } = splitPrefix(target);
  if (kind === 'rootfs') return rest;
  if (kind !== 'auto') return undefined;
  try {
    const st = await stat(rest);
    if (st.isDirectory() && !(await exists(join(rest, 'index.json'))) && !(await exists(join(rest, 'oci-layout')))) return rest;
  } catch {
    return undefined;
  }
  return undefined;
}

/** The registry client (HTTP, auth, docker config) is loaded only for registry references. */
async function registryClient(): Promise<typeof import('./registry/index.js').openRegistryImage> {
  return (await import('./registry/index.js')).openRegistryImage;
}
