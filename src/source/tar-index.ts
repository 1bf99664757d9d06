/**
 * Indexes an uncompressed tar file by reading only its headers (positioned reads, data skipped),
 * so any member can later be streamed by offset. Used for docker-save and OCI archives.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { BLOCK, LongHeaders, MAX_LONG_HEADER, decodeHeader, padded, type TarHeader, type TarType } from '../layer/tar-header.js';
import { BulwarkError } from '../shared/errors.js';

export interface TarMember {
  name: string;
  offset: number;
  size: number;
  type: TarType;
  linkname?: string;
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return bytesRead === len ? buf : buf.subarray(0, bytesRead);
}

/**
 * Reads the member table of a tar file. Headers decode as the layer walker's do (tar-header.ts: ustar,
 * GNU long names and links, pax records); the first zero block ends the table. Throws ARCHIVE_CORRUPT /
 * ARCHIVE_TRUNCATED with the file name.
 */
export async function indexTar(file: string): Promise<Map<string, TarMember>> {
  const fh = await open(file, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const members = new Map<string, TarMember>();
    const long = new LongHeaders();
    let pos = 0;
    for (;;) {
      if (pos + BLOCK > fileSize) {
        if (members.size === 0) throw new BulwarkError('ARCHIVE_CORRUPT', `${file} is not a tar archive (too short)`);
        throw new BulwarkError('ARCHIVE_TRUNCATED', `${file} is truncated (archive ends inside a header at byte ${pos})`);
      }
      let h: TarHeader | null;
      try {
        h = decodeHeader(await readAt(fh, pos, BLOCK), { allowUnknownFormat: true });
      } catch {
        throw new BulwarkError('ARCHIVE_CORRUPT', `${file} is not a valid tar archive (bad header at byte ${pos})`);
      }
      if (!h) break; // end-of-archive marker
      const isLong = LongHeaders.isLong(h);
      if (!isLong) long.apply(h);
      if (!(h.size >= 0)) throw new BulwarkError('ARCHIVE_CORRUPT', `${file}: invalid size field at byte ${pos}`);
      const dataStart = pos + BLOCK;
      if (dataStart + h.size > fileSize) {
        throw new BulwarkError('ARCHIVE_TRUNCATED', `${file} is truncated (member at byte ${pos} needs ${h.size} bytes, file ends first)`);
      }
      if (isLong) {
        if (h.size > MAX_LONG_HEADER) throw new BulwarkError('ARCHIVE_CORRUPT', `${file}: long-name or pax record of ${h.size} bytes at byte ${pos}`);
        long.take(h, await readAt(fh, dataStart, h.size));
      } else {
        let name = h.name;
        while (name.startsWith('./')) name = name.slice(2);
        members.set(name, { name, offset: dataStart, size: h.size, type: h.type, linkname: h.linkname || undefined });
      }
      pos = dataStart + padded(h.size);
    }
    return members;
  } finally {
    await fh.close();
  }
}
