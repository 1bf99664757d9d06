/**
 * The entries of an uncompressed layer tar that lies in a local file (docker-save archives; OCI layouts
 * and archives with uncompressed layers), read by position: headers through one reused window, bodies
 * only when an analyzer wants them. A 190 MB layer whose files are mostly not wanted costs a few MB of
 * reads on this thread; the digest worker reads the whole region for the diffID meanwhile.
 * Headers decode exactly as tar-stream's (tar-header.ts), so results match the streaming walker's.
 */
import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FileRegion } from '../source/types.js';
import { BLOCK, LongHeaders, MAX_LONG_HEADER, decodeHeader, type TarHeader } from './tar-header.js';

/** A tar entry's body as the entry handler sees it, whichever walker produced it. */
export interface EntryBody {
  /** the first min(n, size) bytes, for sniffing; valid until the next read */
  head(n: number): Promise<Buffer>;
  /** the whole body: in memory up to spoolBytes, else in a temp file */
  read(): Promise<{ content?: Buffer; tempPath?: string }>;
  /** the body is not needed */
  skip(): void;
}

const WINDOW = 128 * 1024;
const SPOOL_CHUNK = 1024 * 1024;

/** Positioned reads over the region through one reused buffer (no garbage per header). */
class RegionReader {
  private readonly win = Buffer.allocUnsafe(WINDOW);
  private winAt = -1;
  private winLen = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly region: FileRegion,
  ) {}

  private async readInto(buf: Buffer, off: number, len: number, pos: number): Promise<void> {
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.fh.read(buf, off + got, len - got, this.region.start + pos + got);
      if (bytesRead === 0) throw new Error('Unexpected end of data (the file is shorter than its layer)');
      got += bytesRead;
    }
  }

  /** A view of [pos, pos+len) (len <= WINDOW); valid until the next call. */
  async view(pos: number, len: number): Promise<Buffer> {
    if (pos < this.winAt || pos + len > this.winAt + this.winLen) {
      const n = Math.min(WINDOW, this.region.size - pos);
      await this.readInto(this.win, 0, n, pos);
      this.winAt = pos;
      this.winLen = n;
    }
    return this.win.subarray(pos - this.winAt, pos - this.winAt + len);
  }

  /** [pos, pos+len) in a buffer of its own. */
  async copy(pos: number, len: number): Promise<Buffer> {
    if (len <= WINDOW) return Buffer.from(await this.view(pos, len));
    const out = Buffer.allocUnsafe(len);
    await this.readInto(out, 0, len, pos);
    return out;
  }

  /** [pos, pos+len) written to a new temp file. */
  async spool(pos: number, len: number, tmpDir: string): Promise<string> {
    const tempPath = join(tmpDir, `spool-${randomBytes(8).toString('hex')}`);
    const out = createWriteStream(tempPath, { mode: 0o600 });
    try {
      for (let done = 0; done < len; ) {
        const n = Math.min(SPOOL_CHUNK, len - done);
        const chunk = Buffer.allocUnsafe(n);
        await this.readInto(chunk, 0, n, pos + done);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        done += n;
      }
    } finally {
      out.end();
      await finished(out);
    }
    return tempPath;
  }
}

const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

export interface RegionWalkOptions {
  spoolBytes: number;
  tmpDir: string;
  onBytes?: (n: number) => void;
}

/** Calls onEntry for every entry of the tar in the region, in order. Errors read like tar-stream's. */
export async function forEachRegionEntry(
  region: FileRegion,
  onEntry: (h: TarHeader, body: EntryBody) => Promise<void>,
  opts: RegionWalkOptions,
): Promise<void> {
  const fh = await open(region.file, 'r');
  try {
    const r = new RegionReader(fh, region);
    const long = new LongHeaders();
    const end = region.size;
    let pos = 0;
    while (pos + BLOCK <= end) {
      const h = decodeHeader(await r.view(pos, BLOCK));
      pos += BLOCK;
      if (!h) continue;
      if (LongHeaders.isLong(h)) {
        if (h.size > MAX_LONG_HEADER) throw new Error('Header exceeds max size');
        if (pos + h.size > end) throw new Error('Unexpected end of data');
        long.take(h, await r.copy(pos, h.size));
        pos += padded(h.size);
        continue;
      }
      long.apply(h);
      if (!(h.size >= 0)) throw new Error('Invalid header');
      const size = h.type === 'directory' ? 0 : h.size;
      if (pos + size > end) throw new Error('Unexpected end of data');
      const at = pos;
      await onEntry(h, {
        head: (n) => r.view(at, Math.min(n, size, WINDOW)),
        read: async () => (size <= opts.spoolBytes ? { content: await r.copy(at, size) } : { tempPath: await r.spool(at, size, opts.tmpDir) }),
        skip: () => {},
      });
      pos += padded(size);
      opts.onBytes?.(pos);
    }
    // tar-stream fails the same way on a partial block after the last entry
    if (pos < end) throw new Error('Unexpected end of data');
  } finally {
    await fh.close();
  }
}
