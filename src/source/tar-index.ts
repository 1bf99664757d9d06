/**
 * Indexes an uncompressed tar file by reading only its headers (positioned reads, data skipped),
 * so any member can later be streamed by offset. Used for docker-save and OCI archives.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { BulwarkError } from '../shared/errors.js';

export interface TarMember {
  name: string;
  offset: number;
  size: number;
  type: string;
  linkname?: string;
}

const BLOCK = 512;

function cstr(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

function parseNumber(buf: Buffer, start: number, len: number): number {
  if (buf[start]! & 0x80) {
    // base-256 (GNU) encoding for large values
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + buf[i]!;
    return n;
  }
  const s = cstr(buf, start, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new Error(`invalid octal field ${JSON.stringify(s)}`);
  return parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  try {
    return sum === parseNumber(h, 148, 8);
  } catch {
    return false;
  }
}

function parsePax(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < buf.length) {
    const sp = buf.indexOf(0x20, pos);
    if (sp === -1) break;
    const len = parseInt(buf.toString('utf8', pos, sp), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const rec = buf.toString('utf8', sp + 1, pos + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    pos += len;
  }
  return out;
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return bytesRead === len ? buf : buf.subarray(0, bytesRead);
}

/** Reads the member table of a tar file. Throws ARCHIVE_CORRUPT / ARCHIVE_TRUNCATED with the file name. */
export async function indexTar(file: string): Promise<Map<string, TarMember>> {
  const fh = await open(file, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const members = new Map<string, TarMember>();
    let pos = 0;
    let longName: string | undefined;
    let pax: Record<string, string> = {};
    for (;;) {
      if (pos + BLOCK > fileSize) {
        if (members.size === 0) throw new BulwarkError('ARCHIVE_CORRUPT', `${file} is not a tar archive (too short)`);
        throw new BulwarkError('ARCHIVE_TRUNCATED', `${file} is truncated (archive ends inside a header at byte ${pos})`);
      }
      const h = await readAt(fh, pos, BLOCK);
      if (h.every((b) => b === 0)) break; // end-of-archive marker
      if (!checksumOk(h)) {
        throw new BulwarkError('ARCHIVE_CORRUPT', `${file} is not a valid tar archive (bad header checksum at byte ${pos})`);
      }
      const typeflag = String.fromCharCode(h[156]!) || '0';
      let size: number;
      try {
        size = parseNumber(h, 124, 12);
      } catch (err) {
        throw new BulwarkError('ARCHIVE_CORRUPT', `${file}: ${(err as Error).message} at byte ${pos}`);
      }
      if (pax.size) size = Number(pax.size);
      const dataStart = pos + BLOCK;
      if (dataStart + size > fileSize) {
        throw new BulwarkError('ARCHIVE_TRUNCATED', `${file} is truncated (member at byte ${pos} needs ${size} bytes, file ends first)`);
      }
      const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
      if (typeflag === 'x') {
        pax = parsePax(await readAt(fh, dataStart, Math.min(size, 1 << 20)));
      } else if (typeflag === 'g') {
        // global pax header: ignored
      } else if (typeflag === 'L') {
        longName = cstr(await readAt(fh, dataStart, Math.min(size, 1 << 16)), 0, size);
      } else {
        const magic = h.toString('latin1', 257, 263);
        const prefix = magic.startsWith('ustar') ? cstr(h, 345, 155) : '';
        let name = pax.path ?? longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
        while (name.startsWith('./')) name = name.slice(2);
        const linkname = pax.linkpath ?? cstr(h, 157, 100);
        const type = typeflag === '\0' ? '0' : typeflag;
        members.set(name, { name, offset: dataStart, size, type, linkname: linkname || undefined });
        longName = undefined;
        pax = {};
      }
      pos = next;
    }
    return members;
  } finally {
    await fh.close();
  }
}
