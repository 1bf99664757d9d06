/**
 * Random access to a database file: an in-memory Buffer (small files) or a temp file read with
 * positioned reads (files the walker spooled to disk), so a large BerkeleyDB or ndb file is never
 * loaded whole just to read a few pages.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; throws when the range runs past the end of the file. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

function checkRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new Error(`read of ${length} bytes at ${offset} is outside the file (${size} bytes)`);
  }
}

/** A ByteSource over a Buffer (no copy: callers must not modify what they get back). */
export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read(offset, length) {
      checkRange(buf.length, offset, length);
      return buf.subarray(offset, offset + length);
    },
    close() {},
  };
}

/** A ByteSource over a file on disk, opened read-only. */
export function fileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return {
    size,
    read(offset, length) {
      checkRange(size, offset, length);
      const out = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new Error(`file shrank while reading at ${offset + done}`);
        done += n;
      }
      return out;
    },
    close() {
      closeSync(fd);
    },
  };
}
