/**
 * rpm's legacy BerkeleyDB backend (/var/lib/rpm/Packages): a Berkeley DB hash database whose keys
 * are header numbers and whose values are header blobs, normally on overflow page chains.
 * Read without libdb: page 0 is the hash metadata page, every hash page lists key/data items, and
 * an offpage item names the first page of a chain of overflow pages (Berkeley DB dbinc/db_page.h).
 * Every page is visited at most once, so loops and shared chains in a hostile file end in an Error.
 */
import type { ByteSource } from './byte-source.js';

const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASHMETA = 8;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
/** hnum 0 holds a 4-byte counter, not a header; anything this short is not a header either */
const MIN_HEADER = 16;

interface Meta {
  le: boolean;
  pageSize: number;
  lastPage: number;
}

/** True when the bytes start like a Berkeley DB hash database (either byte order). */
export function isBdbHash(head: Buffer): boolean {
  return head.length >= 16 && (head.readUInt32LE(12) === HASH_MAGIC || head.readUInt32BE(12) === HASH_MAGIC);
}

function readMeta(src: ByteSource): Meta {
  if (src.size < 512) throw new Error('BerkeleyDB file truncated');
  const m = src.read(0, 72);
  const le = m.readUInt32LE(12) === HASH_MAGIC;
  if (!le && m.readUInt32BE(12) !== HASH_MAGIC) throw new Error('not a BerkeleyDB hash database (bad magic)');
  const u32 = (at: number): number => (le ? m.readUInt32LE(at) : m.readUInt32BE(at));
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw new Error(`BerkeleyDB page size ${pageSize} is invalid`);
  if (m[24] !== 0) throw new Error('BerkeleyDB database is encrypted');
  if (m[25] !== P_HASHMETA) throw new Error(`BerkeleyDB page 0 has type ${m[25]}, expected hash metadata`);
  const lastPage = u32(32);
  if ((lastPage + 1) * pageSize > src.size) throw new Error(`BerkeleyDB last page ${lastPage} is past the end of the file`);
  return { le, pageSize, lastPage };
}

/** Reads one overflow chain of `total` bytes; `seen` is shared by all chains of the file. */
function readOverflow(src: ByteSource, meta: Meta, first: number, total: number, seen: Set<number>): Buffer {
  if (total > src.size) throw new Error(`BerkeleyDB item length ${total} exceeds the file size`);
  const out = Buffer.alloc(total);
  let filled = 0;
  let pg = first;
  while (filled < total) {
    if (pg === 0 || pg > meta.lastPage) throw new Error(`BerkeleyDB overflow chain ends early at page ${pg}`);
    if (seen.has(pg)) throw new Error(`BerkeleyDB overflow page ${pg} is reached twice (loop or shared chain)`);
    seen.add(pg);
    const page = src.read(pg * meta.pageSize, meta.pageSize);
    if (page[25] !== P_OVERFLOW) throw new Error(`BerkeleyDB page ${pg} is not an overflow page`);
    // on overflow pages the hf_offset field holds the number of data bytes on the page
    const len = meta.le ? page.readUInt16LE(22) : page.readUInt16BE(22);
    if (len === 0 || PAGE_HEADER + len > meta.pageSize || filled + len > total) throw new Error(`BerkeleyDB overflow page ${pg} has a bad length`);
    page.copy(out, filled, PAGE_HEADER, PAGE_HEADER + len);
    filled += len;
    pg = meta.le ? page.readUInt32LE(16) : page.readUInt32BE(16);
  }
  return out;
}

/** Key number of an inline 4-byte key, for ordering (rpm writes it in the file's byte order). */
function keyNumber(page: Buffer, meta: Meta, start: number, end: number): number {
  if (page[start] !== H_KEYDATA || end - start !== 5) return Number.MAX_SAFE_INTEGER;
  return meta.le ? page.readUInt32LE(start + 1) : page.readUInt32BE(start + 1);
}

/** Header blobs of every record, ordered by header number. Throws a short Error on a bad file. */
export function readBdbBlobs(src: ByteSource): Buffer[] {
  const meta = readMeta(src);
  const seen = new Set<number>();
  const records: { key: number; blob: Buffer }[] = [];
  for (let pg = 1; pg <= meta.lastPage; pg++) {
    const page = src.read(pg * meta.pageSize, meta.pageSize);
    if (page[25] !== P_HASH && page[25] !== P_HASH_UNSORTED) continue;
    const u16 = (at: number): number => (meta.le ? page.readUInt16LE(at) : page.readUInt16BE(at));
    const entries = u16(20);
    if (PAGE_HEADER + entries * 2 > meta.pageSize) throw new Error(`BerkeleyDB page ${pg} has too many entries`);
    const offsets: number[] = [];
    for (let i = 0; i < entries; i++) {
      const off = u16(PAGE_HEADER + i * 2);
      if (off < PAGE_HEADER + entries * 2 || off >= meta.pageSize) throw new Error(`BerkeleyDB page ${pg} has an item outside the page`);
      offsets.push(off);
    }
    // items are packed from the end of the page downwards: item i ends where item i-1 starts
    const end = (i: number): number => (i === 0 ? meta.pageSize : offsets[i - 1]!);
    for (let i = 0; i + 1 < entries; i += 2) {
      const at = offsets[i + 1]!;
      const stop = end(i + 1);
      if (stop <= at) throw new Error(`BerkeleyDB page ${pg} has overlapping items`);
      const key = keyNumber(page, meta, offsets[i]!, end(i));
      if (page[at] === H_OFFPAGE) {
        if (stop - at < 12) throw new Error(`BerkeleyDB page ${pg} has a short offpage item`);
        const first = meta.le ? page.readUInt32LE(at + 4) : page.readUInt32BE(at + 4);
        const total = meta.le ? page.readUInt32LE(at + 8) : page.readUInt32BE(at + 8);
        records.push({ key, blob: readOverflow(src, meta, first, total, seen) });
      } else if (page[at] === H_KEYDATA && stop - at - 1 >= MIN_HEADER) {
        records.push({ key, blob: Buffer.from(page.subarray(at + 1, stop)) });
      }
    }
  }
  records.sort((a, b) => a.key - b.key);
  return records.map((r) => r.blob);
}
