/**
 * Streams one layer: blob -> (verify digest) -> decompress -> (verify diffID, bomb guard) -> tar entries.
 * Only files some analyzer wants are read; everything else is skipped as it streams by.
 * The whole layer is never held in memory: large wanted files go to a temp file.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { BulwarkError, withContext } from '../shared/errors.js';
import type { LayerRef } from '../source/types.js';
import { decompressor, sniffCompression } from './decompress.js';
import { defaultLimits, type Limits } from './limits.js';
import { OPAQUE_MARKER, WHITEOUT_PREFIX, entryPath } from './paths.js';
import { runAnalyzers } from './run-analyzers.js';
import { FileTable } from './file-table.js';
import type { EntryType, LayerAnalysis, LayerAnalyzer } from './types.js';

export interface WalkOptions {
  tmpDir: string;
  limits?: Limits;
  /** verify the layer's digests (default true) */
  verify?: boolean;
  onBytes?: (n: number) => void;
}

/** Counts (and, when asked, hashes) bytes passing through; optional guard after each chunk. */
class Meter extends Transform {
  readonly hash: Hash | undefined;
  bytes = 0;
  constructor(
    private readonly guard?: (bytes: number) => void,
    hashing = true,
  ) {
    super();
    this.hash = hashing ? createHash('sha256') : undefined;
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
    if (this.guard) {
      try {
        this.guard(this.bytes);
      } catch (err) {
        cb(err as Error);
        return;
      }
    }
    cb(null, chunk);
  }
}

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

/** Yields the first chunk after looking at it, then the rest, so compression can be sniffed. */
async function peekStream(src: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const it = src[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value as Buffer;
    }
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

function wantedBy(analyzers: LayerAnalyzer[], path: string, size: number, mode: number): LayerAnalyzer[] {
  const out: LayerAnalyzer[] = [];
  for (const a of analyzers) if (a.wants(path, size, mode)) out.push(a);
  return out;
}

async function readEntry(
  entry: Readable,
  size: number,
  spoolBytes: number,
  tmpDir: string,
  first?: Buffer,
): Promise<{ content?: Buffer; tempPath?: string }> {
  if (size <= spoolBytes) {
    // one buffer of the entry's size, filled as chunks arrive: no list of chunk buffers kept alive until a
    // concat (which held each file twice); a tar entry's data is exactly its header size
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    let extra: Buffer[] | undefined;
    const put = (c: Buffer): void => {
      if (extra || n + c.length > size) (extra ??= [buf.subarray(0, n)]).push(c);
      else n += c.copy(buf, n);
    };
    if (first) put(first);
    for await (const c of entry) put(c as Buffer);
    return { content: extra ? Buffer.concat(extra) : n === size ? buf : buf.subarray(0, n) };
  }
  const tempPath = join(tmpDir, `spool-${randomBytes(8).toString('hex')}`);
  const out = createWriteStream(tempPath, { mode: 0o600 });
  if (first) out.write(first);
  for await (const c of entry) {
    if (!out.write(c)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
  return { tempPath };
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
  const blob = await layer.open();
  const { head, stream } = await peekStream(blob);
  const compression = sniffCompression(head);
  // Both digests are checked: the blob digest (the manifest's claim about the stored bytes) and the
  // diffID (the config's claim about the content). A re-compressed or tampered blob with the same content
  // is still a mismatch with what the manifest promised, and is reported.
  const hashBlob = verify && compression !== 'none';
  const compMeter = new Meter((n) => opts.onBytes?.(n), hashBlob);
  const rawMeter = new Meter((raw) => {
    if (raw > limits.maxLayerBytes) {
      throw new BulwarkError('DECOMPRESSION_BOMB', `layer expands beyond ${limits.maxLayerBytes} bytes`);
    }
    if (compression !== 'none' && raw > limits.ratioFloorBytes && raw / Math.max(1, compMeter.bytes) > limits.maxRatio) {
      throw new BulwarkError(
        'DECOMPRESSION_BOMB',
        `decompression bomb: ${compMeter.bytes} compressed bytes expand past ${raw} (ratio over ${limits.maxRatio}:1)`,
      );
    }
  });
  const extract = tar.extract();
  const stages: NodeJS.ReadWriteStream[] = [compMeter];
  const d = decompressor(compression);
  if (d) stages.push(d);
  stages.push(rawMeter);
  let pipeError: unknown;
  const piped = new Promise<void>((resolve) => {
    (pipeline as unknown as (...a: unknown[]) => void)(stream, ...stages, (err: unknown) => {
      if (err) {
        pipeError = err;
        extract.destroy(err as Error);
      }
      resolve();
    });
  });
  rawMeter.pipe(extract as unknown as NodeJS.WritableStream);

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
  const sniffers = analyzers.filter((a) => a.sniff);
  let entries = 0;
  for await (const entry of extract) {
    const h = entry.header;
    if (++entries > limits.maxEntries) throw new BulwarkError('TOO_LARGE', `layer has more than ${limits.maxEntries} entries`);
    const type = entryType(h.type);
    const path = entryPath(h.name);
    const base = posix.basename(path);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const dir = posix.dirname(path);
      if (base === OPAQUE_MARKER) result.opaqueDirs.push(dir);
      else result.whiteouts.push(posix.join(dir, base.slice(WHITEOUT_PREFIX.length)));
      entry.resume();
      continue;
    }
    const size = h.size ?? 0;
    const mode = h.mode ?? 0;
    const link = h.linkname ? (type === 'hardlink' ? entryPath(h.linkname) : h.linkname) : undefined;
    result.files.add(path, type, mode, type === 'file' ? size : 0, h.uid ?? 0, h.gid ?? 0, link);
    if (type !== 'file') {
      entry.resume();
      continue;
    }
    let want = wantedBy(analyzers, path, size, mode);
    let first: Buffer | undefined;
    if (sniffers.length && (mode & 0o111) !== 0 && size > 64) {
      const it = (entry as unknown as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      const r = await it.next();
      first = r.done ? Buffer.alloc(0) : r.value;
      const extra = sniffers.filter((a) => !want.includes(a) && a.sniff!(path, first!));
      want = want.concat(extra);
    }
    if (want.length === 0) {
      entry.resume();
      continue;
    }
    const data = await readEntry(entry as unknown as Readable, size, limits.spoolBytes, opts.tmpDir, first);
    try {
      await runAnalyzers(want, { path, size, mode, ...data }, result);
    } finally {
      if (data.tempPath) await rm(data.tempPath, { force: true });
    }
  }
  await piped;
  if (pipeError) throw pipeError;
  result.files.trim();
  result.size = rawMeter.bytes;
  if (verify) await verifyDigests(layer, compression, compMeter, rawMeter);
  return result;
}

async function verifyDigests(layer: LayerRef, compression: string, comp: Meter, raw: Meter): Promise<void> {
  const rawDigest = `sha256:${raw.hash!.digest('hex')}`;
  const blob = compression === 'none' ? rawDigest : `sha256:${comp.hash!.digest('hex')}`;
  if (layer.digest?.startsWith('sha256:') && layer.digest !== blob) {
    throw new BulwarkError('DIGEST_MISMATCH', `layer blob digest mismatch: expected ${layer.digest}, got ${blob}`);
  }
  if (layer.diffId.startsWith('sha256:') && layer.diffId !== rawDigest) {
    throw new BulwarkError('DIGEST_MISMATCH', `layer diffID mismatch: expected ${layer.diffId}, got ${rawDigest}`);
  }
}
