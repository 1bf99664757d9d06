/**
 * The tar entries of a layer, from either of two byte sources:
 * - RegionSource: an uncompressed tar lying in a local file (docker-save archives, uncompressed OCI blobs),
 *   read by position through one reused window; bodies nobody wants are never read.
 * - StreamSource: the decompressed stream of any other blob; bodies nobody wants are dropped as they pass.
 * No object or stream per entry: one loop, headers decoded exactly as tar-stream does (tar-header.ts), and
 * the same failures ("Unexpected end of data", bad checksum, unknown format, oversized long header).
 */
import { closeSync, createWriteStream, openSync, readSync, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FileRegion } from '../source/types.js';
import { BLOCK, LongHeaders, MAX_LONG_HEADER, decodeHeader, padded, type TarHeader } from './tar-header.js';

/** A tar entry's body as the entry handler sees it. */
export interface EntryBody {
  /** the first min(n, size) bytes, for sniffing; valid until the next read */
  head(n: number): Promise<Buffer>;
  /** the whole body: in memory up to spoolBytes, else in a temp file */
  read(): Promise<{ content?: Buffer; tempPath?: string }>;
}

/** Forward-only access to the tar's bytes by absolute position (a position never goes back). */
export interface TarSource {
  /** up to len bytes at pos (len <= VIEW_MAX), shorter only at the end; valid until the next call */
  view(pos: number, len: number): Promise<Buffer>;
  /** exactly len bytes at pos in a buffer of its own; throws at a premature end */
  copy(pos: number, len: number): Promise<Buffer>;
  /** exactly len bytes at pos, written to out */
  pipeTo(pos: number, len: number, out: WriteStream): Promise<void>;
}

export const VIEW_MAX = 128 * 1024;
const CHUNK = 1024 * 1024;

const unexpectedEnd = (): Error => new Error('Unexpected end of data');

async function writeChunk(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
}

/**
 * Positioned reads over a file region through one reused window (no garbage per header). The reads are
 * synchronous: windows of at most 128 KiB, almost always from the page cache, where a thread-pool round
 * trip per window cost more than the copy (Debian docker-archive: 0.47 s -> 0.40 s for the whole scan).
 */
export class RegionSource implements TarSource {
  private readonly win = Buffer.allocUnsafe(VIEW_MAX);
  private winAt = -1;
  private winLen = 0;

  private constructor(
    private readonly fd: number,
    private readonly region: FileRegion,
  ) {}

  static async open(region: FileRegion): Promise<RegionSource> {
    return new RegionSource(openSync(region.file, 'r'), region);
  }

  close(): Promise<void> {
    closeSync(this.fd);
    return Promise.resolve();
  }

  private async readInto(buf: Buffer, off: number, len: number, pos: number): Promise<void> {
    if (pos + len > this.region.size) throw unexpectedEnd();
    for (let got = 0; got < len; ) {
      const bytesRead = readSync(this.fd, buf, off + got, len - got, this.region.start + pos + got);
      if (bytesRead === 0) throw new Error('Unexpected end of data (the file is shorter than its layer)');
      got += bytesRead;
    }
  }

  async view(pos: number, len: number): Promise<Buffer> {
    const want = Math.max(0, Math.min(len, this.region.size - pos));
    if (pos < this.winAt || pos + want > this.winAt + this.winLen) {
      const n = Math.max(0, Math.min(VIEW_MAX, this.region.size - pos));
      await this.readInto(this.win, 0, n, pos);
      this.winAt = pos;
      this.winLen = n;
    }
    return this.win.subarray(pos - this.winAt, pos - this.winAt + want);
  }

  async copy(pos: number, len: number): Promise<Buffer> {
    if (len <= VIEW_MAX) {
      const v = await this.view(pos, len);
      if (v.length < len) throw unexpectedEnd();
      return Buffer.from(v);
    }
    const out = Buffer.allocUnsafe(len);
    await this.readInto(out, 0, len, pos);
    return out;
  }

  async pipeTo(pos: number, len: number, out: WriteStream): Promise<void> {
    for (let done = 0; done < len; ) {
      const n = Math.min(CHUNK, len - done);
      const chunk = Buffer.allocUnsafe(n);
      await this.readInto(chunk, 0, n, pos + done);
      await writeChunk(out, chunk);
      done += n;
    }
  }
}

/** A forward-only reader over a stream's chunks: skipped bytes are dropped as they arrive. */
export class StreamSource implements TarSource {
  private chunks: Buffer[] = [];
  /** absolute position of chunks[0][0] */
  private at = 0;
  private buffered = 0;
  private ended = false;
  private scratch = Buffer.allocUnsafe(BLOCK);

  constructor(private readonly it: AsyncIterator<Buffer>) {}

  /** Drops everything before pos, then buffers until len bytes (or the end) are held. */
  private async fill(pos: number, len: number): Promise<void> {
    while (this.at + this.buffered < pos) {
      if (!(await this.pull())) throw unexpectedEnd();
      this.dropBefore(pos);
    }
    this.dropBefore(pos);
    while (this.buffered < len && (await this.pull()));
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const r = await this.it.next();
    if (r.done) {
      this.ended = true;
      return false;
    }
    if (r.value.length) {
      this.chunks.push(r.value);
      this.buffered += r.value.length;
    }
    return true;
  }

  private dropBefore(pos: number): void {
    while (this.chunks.length && this.at + this.chunks[0]!.length <= pos) {
      const c = this.chunks.shift()!;
      this.at += c.length;
      this.buffered -= c.length;
    }
    if (this.chunks.length && this.at < pos) {
      const cut = pos - this.at;
      this.chunks[0] = this.chunks[0]!.subarray(cut);
      this.at = pos;
      this.buffered -= cut;
    }
  }

  async view(pos: number, len: number): Promise<Buffer> {
    await this.fill(pos, len);
    const first = this.chunks[0];
    if (first && first.length >= len) return first.subarray(0, len);
    const n = Math.min(len, this.buffered);
    if (this.scratch.length < n) this.scratch = Buffer.allocUnsafe(n);
    let off = 0;
    for (const c of this.chunks) {
      if (off >= n) break;
      off += c.copy(this.scratch, off, 0, Math.min(c.length, n - off));
    }
    return this.scratch.subarray(0, n);
  }

  async copy(pos: number, len: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(len);
    let off = 0;
    while (off < len) {
      await this.fill(pos + off, 1);
      const c = this.chunks[0];
      if (!c) throw unexpectedEnd();
      off += c.copy(out, off, 0, Math.min(c.length, len - off));
    }
    return out;
  }

  async pipeTo(pos: number, len: number, out: WriteStream): Promise<void> {
    let off = 0;
    while (off < len) {
      await this.fill(pos + off, 1);
      const c = this.chunks[0];
      if (!c) throw unexpectedEnd();
      // chunks are never written to after they are pushed: the slice can go to the file as it is
      const part = c.subarray(0, Math.min(c.length, len - off));
      await writeChunk(out, part);
      off += part.length;
      this.dropBefore(pos + off);
    }
  }
}

export interface TarWalkOptions {
  spoolBytes: number;
  tmpDir: string;
  onBytes?: (n: number) => void;
}

async function spool(src: TarSource, pos: number, len: number, tmpDir: string): Promise<string> {
  const tempPath = join(tmpDir, `spool-${randomBytes(8).toString('hex')}`);
  const out = createWriteStream(tempPath, { mode: 0o600 });
  try {
    await src.pipeTo(pos, len, out);
  } finally {
    out.end();
    await finished(out);
  }
  return tempPath;
}

/**
 * Calls onEntry for every entry in order. Returns the position after the last block read. Zero blocks are
 * skipped (tar-stream does the same, so archives concatenated after an end marker read the same).
 */
export async function forEachTarEntry(src: TarSource, onEntry: (h: TarHeader, body: EntryBody) => Promise<void>, opts: TarWalkOptions): Promise<number> {
  const long = new LongHeaders();
  let pos = 0;
  for (;;) {
    const block = await src.view(pos, BLOCK);
    if (block.length === 0) return pos;
    if (block.length < BLOCK) throw unexpectedEnd();
    const h = decodeHeader(block);
    pos += BLOCK;
    if (!h) continue;
    if (LongHeaders.isLong(h)) {
      if (h.size > MAX_LONG_HEADER) throw new Error('Header exceeds max size');
      long.take(h, await src.copy(pos, h.size));
      pos += padded(h.size);
      continue;
    }
    long.apply(h);
    if (!(h.size >= 0)) throw new Error('Invalid header');
    const size = h.type === 'directory' ? 0 : h.size;
    const at = pos;
    await onEntry(h, {
      head: async (n) => {
        const want = Math.min(n, size, VIEW_MAX);
        const v = await src.view(at, want);
        if (v.length < want) throw unexpectedEnd();
        return v;
      },
      read: async () => (size <= opts.spoolBytes ? { content: await src.copy(at, size) } : { tempPath: await spool(src, at, size, opts.tmpDir) }),
    });
    pos += padded(size);
    opts.onBytes?.(pos);
  }
}

/** The entries of an uncompressed tar in a file region; a region with bytes missing at its end is truncated. */
export async function forEachRegionEntry(region: FileRegion, onEntry: (h: TarHeader, body: EntryBody) => Promise<void>, opts: TarWalkOptions): Promise<void> {
  const src = await RegionSource.open(region);
  try {
    const end = await forEachTarEntry(src, onEntry, opts);
    if (end !== region.size) throw unexpectedEnd();
  } finally {
    await src.close();
  }
}

/**
 * The entries of a decompressed tar stream. The loop ends only when the stream has (an empty view at
 * the end), so every byte went through the stream's hashes and bomb guard.
 */
export async function forEachStreamEntry(chunks: AsyncIterable<Buffer>, onEntry: (h: TarHeader, body: EntryBody) => Promise<void>, opts: TarWalkOptions): Promise<void> {
  await forEachTarEntry(new StreamSource(chunks[Symbol.asyncIterator]()), onEntry, opts);
}
