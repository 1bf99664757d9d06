/**
 * Walks one layer: blob -> (verify digest) -> decompress -> (verify diffID, bomb guard) -> tar entries.
 * raw-stream.ts does the first four; tar-entries.ts reads the entries from the stream, or by position
 * for an uncompressed layer in a local file; the digest worker (offload/) hashes local blobs.
 * Only files some analyzer wants are read; everything else is skipped as it streams by.
 * The whole layer is never held in memory: large wanted files go to a temp file.
 */
import { rm } from 'node:fs/promises';
import { posix } from 'node:path';
import { BulwarkError, withContext } from '../shared/errors.js';
import { readHead } from '../shared/fs.js';
import type { FileRegion, LayerRef } from '../source/types.js';
import { sniffCompression } from './decompress.js';
import { defaultLimits, type Limits } from './limits.js';
import { OPAQUE_MARKER, WHITEOUT_PREFIX, entryPath } from './paths.js';
import { digestInWorker } from './offload/client.js';
import { openRawStream, type RawStreamOptions, type RawStreamSummary } from './raw-stream.js';
import { forEachRegionEntry, forEachStreamEntry, type EntryBody } from './tar-entries.js';
import type { TarHeader } from './tar-header.js';
import { runAnalyzers } from './run-analyzers.js';
import { FileTable } from './file-table.js';
import type { EntryType, LayerAnalysis, LayerAnalyzer } from './types.js';

export interface WalkOptions {
  tmpDir: string;
  limits?: Limits;
  /** verify the layer's digests (default true) */
  verify?: boolean;
  onBytes?: (n: number) => void;
  /**
   * hash local blobs on the digest worker: by size (auto), always or never;
   * BULWARK_LAYER_WORKER=0 / =1 override it
   */
  offload?: OffloadMode;
}

export type OffloadMode = 'auto' | 'always' | 'never';

/** below this a blob is hashed on the calling thread: starting the worker costs ~20 ms */
const OFFLOAD_MIN_BYTES = 8 * 1024 * 1024;

function entryType(t: string | null | undefined): EntryType {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

function classifyStreamError(err: unknown): BulwarkError {
  if (err instanceof BulwarkError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string })?.code;
  if (code === 'Z_BUF_ERROR' || /unexpected end|premature|truncated/i.test(msg)) {
    return new BulwarkError('ARCHIVE_TRUNCATED', `truncated layer data (${msg})`, err);
  }
  return new BulwarkError('ARCHIVE_CORRUPT', `corrupt layer data (${msg})`, err);
}

function wantedBy(analyzers: LayerAnalyzer[], path: string, size: number, mode: number): LayerAnalyzer[] {
  const out: LayerAnalyzer[] = [];
  for (const a of analyzers) if (a.wants(path, size, mode)) out.push(a);
  return out;
}

/** Walks one layer blob and returns its file list, whiteouts and analyzer outputs. */
export async function walkLayer(layer: LayerRef, analyzers: LayerAnalyzer[], opts: WalkOptions): Promise<LayerAnalysis> {
  const where = `in layer ${layer.index + 1} (${layer.digest ?? layer.diffId})`;
  try {
    return await walkLayerInner(layer, analyzers, opts);
  } catch (err) {
    throw withContext(classifyStreamError(err), where);
  }
}

async function walkLayerInner(layer: LayerRef, analyzers: LayerAnalyzer[], opts: WalkOptions): Promise<LayerAnalysis> {
  const limits = opts.limits ?? defaultLimits();
  const verify = opts.verify ?? true;
  const result: LayerAnalysis = {
    index: layer.index,
    diffId: layer.diffId,
    digest: layer.digest,
    size: 0,
    files: new FileTable(),
    whiteouts: [],
    opaqueDirs: [],
    outputs: [],
    warnings: [],
  };
  const onEntry = entryHandler(analyzers, limits, opts.tmpDir, result);
  const region = await offloadRegion(layer, opts.offload ?? 'auto');
  const digest = region && verify ? digestInWorker(region) : undefined;
  try {
    if (region && sniffCompression(await readHead(region.file, 4, region.start)) === 'none') {
      // an uncompressed tar in a local file: parsed by position, hashed whole by the digest worker
      if (region.size > limits.maxLayerBytes) throw new BulwarkError('DECOMPRESSION_BOMB', `layer expands beyond ${limits.maxLayerBytes} bytes`);
      await forEachRegionEntry(region, onEntry, { spoolBytes: limits.spoolBytes, tmpDir: opts.tmpDir, onBytes: opts.onBytes });
      result.size = region.size;
      if (digest) verifyDigests(layer, { blobDigest: await digest.digest, rawDigest: await digest.digest });
    } else {
      const summary = await walkStream(layer, onEntry, { limits, verify, onBytes: opts.onBytes, storedDigest: digest?.digest }, opts.tmpDir);
      result.size = summary.rawBytes;
      if (verify) verifyDigests(layer, summary);
    }
  } catch (err) {
    digest?.abandon();
    throw err;
  }
  result.files.trim();
  return result;
}

/** The stream path: blob -> raw-stream.ts -> tar entries; a failing stage's error wins over the parser's. */
async function walkStream(layer: LayerRef, onEntry: (h: TarHeader, body: EntryBody) => Promise<void>, o: RawStreamOptions, tmpDir: string): Promise<RawStreamSummary> {
  const raw = await openRawStream(await layer.open(), o);
  let stageError: unknown;
  raw.summary.catch((e: unknown) => (stageError = e));
  try {
    await forEachStreamEntry(raw.stream, onEntry, { spoolBytes: o.limits.spoolBytes, tmpDir });
  } catch (err) {
    // a failing stage (bomb guard, zlib, read) ends the tar early: its error is the one to report, not
    // the cancellation that destroy() causes
    const first = stageError ?? err;
    raw.destroy();
    throw first;
  }
  return raw.summary;
}

/** Executables are sniffed on their first bytes: the ELF magic, or no NUL (a script). */
const SNIFF_BYTES = 8192;

/** One handler for both byte sources: records the entry, and hands wanted files to their analyzers. */
function entryHandler(analyzers: LayerAnalyzer[], limits: Limits, tmpDir: string, result: LayerAnalysis): (h: TarHeader, body: EntryBody) => Promise<void> {
  const sniffers = analyzers.filter((a) => a.sniff);
  let entries = 0;
  return async (h, body) => {
    if (++entries > limits.maxEntries) throw new BulwarkError('TOO_LARGE', `layer has more than ${limits.maxEntries} entries`);
    const type = entryType(h.type);
    const path = entryPath(h.name);
    const base = posix.basename(path);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const dir = posix.dirname(path);
      if (base === OPAQUE_MARKER) result.opaqueDirs.push(dir);
      else result.whiteouts.push(posix.join(dir, base.slice(WHITEOUT_PREFIX.length)));
      return;
    }
    const size = h.size;
    const mode = h.mode;
    const link = h.linkname ? (type === 'hardlink' ? entryPath(h.linkname) : h.linkname) : undefined;
    result.files.add(path, type, mode, type === 'file' ? size : 0, h.uid, h.gid, link);
    if (type !== 'file') return;
    let want = wantedBy(analyzers, path, size, mode);
    if (sniffers.length && (mode & 0o111) !== 0 && size > 64) {
      const head = await body.head(SNIFF_BYTES);
      const extra = sniffers.filter((a) => !want.includes(a) && a.sniff!(path, head));
      want = want.concat(extra);
    }
    if (want.length === 0) return;
    const data = await body.read();
    try {
      await runAnalyzers(want, { path, size, mode, ...data }, result);
    } finally {
      if (data.tempPath) await rm(data.tempPath, { force: true });
    }
  };
}

/** The blob's file region when the digest worker should hash it (local, and big enough). */
async function offloadRegion(layer: LayerRef, asked: OffloadMode): Promise<FileRegion | undefined> {
  const env = process.env.BULWARK_LAYER_WORKER;
  const offload: OffloadMode = env === '0' ? 'never' : env === '1' ? 'always' : asked;
  if (offload === 'never' || !layer.locate) return undefined;
  const region = await layer.locate();
  return region.size > 0 && (offload === 'always' || region.size >= OFFLOAD_MIN_BYTES) ? region : undefined;
}

function verifyDigests(layer: LayerRef, s: Pick<RawStreamSummary, 'blobDigest' | 'rawDigest'>): void {
  const rawDigest = s.rawDigest!;
  const blob = s.blobDigest!;
  if (layer.digest?.startsWith('sha256:') && layer.digest !== blob) {
    throw new BulwarkError('DIGEST_MISMATCH', `layer blob digest mismatch: expected ${layer.digest}, got ${blob}`);
  }
  if (layer.diffId.startsWith('sha256:') && layer.diffId !== rawDigest) {
    throw new BulwarkError('DIGEST_MISMATCH', `layer diffID mismatch: expected ${layer.diffId}, got ${rawDigest}`);
  }
}
