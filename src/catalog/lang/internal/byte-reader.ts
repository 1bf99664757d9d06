/**
 * Random access to one analyzed file, whether it arrived in memory (`content`) or spooled to disk
 * (`tempPath`). Large files are read with positioned reads, a bounded chunk at a time.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { AnalyzerFile } from '../../types.js';

/** Largest single read a parser may ask for: keeps a lying length field from allocating gigabytes. */
export const MAX_READ = 64 * 1024 * 1024;

export interface ByteReader {
  size: number;
  /** up to `length` bytes at `offset`; shorter at end of file, empty past it */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

function checkRange(offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
    throw new Error(`bad read range ${offset}+${length}`);
  }
  if (length > MAX_READ) throw new Error(`read of ${length} bytes exceeds the ${MAX_READ}-byte limit`);
}

/** A reader over a buffer. */
export function bufferReader(buf: Buffer): ByteReader {
  return {
    size: buf.length,
    async read(offset, length) {
      checkRange(offset, length);
      return buf.subarray(Math.min(offset, buf.length), Math.min(offset + length, buf.length));
    },
    async close() {},
  };
}

async function fileReader(fh: FileHandle, size: number): Promise<ByteReader> {
  return {
    size,
    async read(offset, length) {
      checkRange(offset, length);
      const n = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(out, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return out.subarray(0, got);
    },
    close: () => fh.close(),
  };
}

/** Opens a reader over an analyzer file (content buffer or temp file). */
export async function openReader(file: AnalyzerFile): Promise<ByteReader> {
  if (file.content) return bufferReader(file.content);
  if (!file.tempPath) throw new Error('file has neither content nor tempPath');
  const fh = await open(file.tempPath, 'r');
  const { size } = await fh.stat();
  return fileReader(fh, size);
}

/** Runs fn over a reader of the file and always closes it. */
export async function withReader<T>(file: AnalyzerFile, fn: (r: ByteReader) => Promise<T>): Promise<T> {
  const r = await openReader(file);
  try {
    return await fn(r);
  } finally {
    await r.close();
  }
}

/** Reads exactly `length` bytes or throws a short "truncated" error. */
export async function readExact(r: ByteReader, offset: number, length: number, what: string): Promise<Buffer> {
  const b = await r.read(offset, length);
  if (b.length !== length) throw new Error(`truncated ${what}`);
  return b;
}

/**
 * Offsets of `magic` in [start, end), read in chunks that overlap by magic.length - 1 bytes so a match
 * across a chunk boundary is found. Yields lazily: the caller stops at the first match it accepts.
 */
export async function* findAll(r: ByteReader, magic: Buffer, start = 0, end = r.size, chunk = 1024 * 1024): AsyncGenerator<number> {
  const stop = Math.min(end, r.size);
  for (let pos = Math.max(0, start); pos < stop; pos += chunk) {
    const buf = await r.read(pos, Math.min(chunk + magic.length - 1, stop - pos));
    for (let i = buf.indexOf(magic); i !== -1 && i < chunk; i = buf.indexOf(magic, i + 1)) yield pos + i;
  }
}
