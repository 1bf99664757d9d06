/**
 * rpm's ndb backend (Packages.db, SUSE since 15.4 and rpm >= 4.16): a 32-byte header, pages of
 * 16-byte slots (magic "Slot", package index, block offset, block count), and blobs in 16-byte
 * blocks framed by "BlbS" and "BlbE". Layout: rpm lib/backend/ndb/rpmpkg.c. Slots must not overlap,
 * so the bytes read are bounded by the file size.
 */
import type { ByteSource } from './byte-source.js';

const NDB_MAGIC = 0x506d7052; // "RpmP" little-endian
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const BLOB_HEAD = 0x53626c42; // "BlbS"
const BLOB_TAIL = 0x45626c42; // "BlbE"
const HEADER_SIZE = 32;
const SLOT_SIZE = 16;
const BLK_SIZE = 16;
const PAGE_SIZE = 4096;
const HEAD_SIZE = 16;
const TAIL_SIZE = 12;

interface Slot {
  pkgIdx: number;
  blkOff: number;
  blkCnt: number;
}

/** True when the bytes start like an ndb package database. */
export function isNdb(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === NDB_MAGIC;
}

function readSlots(src: ByteSource): Slot[] {
  if (src.size < HEADER_SIZE) throw new Error('ndb file truncated');
  const h = src.read(0, HEADER_SIZE);
  if (h.readUInt32LE(0) !== NDB_MAGIC) throw new Error('not an ndb database (bad magic)');
  if (h.readUInt32LE(4) !== 0) throw new Error(`ndb version ${h.readUInt32LE(4)} is not supported`);
  const slotPages = h.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE_SIZE > src.size) throw new Error(`ndb slot page count ${slotPages} does not fit the file`);
  const fileBlks = Math.floor(src.size / BLK_SIZE);
  const minBlk = (slotPages * PAGE_SIZE) / BLK_SIZE;
  const slots: Slot[] = [];
  for (let p = 0; p < slotPages; p++) {
    const page = src.read(p * PAGE_SIZE, PAGE_SIZE);
    for (let o = p === 0 ? HEADER_SIZE : 0; o < PAGE_SIZE; o += SLOT_SIZE) {
      if (page.readUInt32LE(o) !== SLOT_MAGIC) throw new Error(`ndb slot at ${p * PAGE_SIZE + o} has a bad magic`);
      const blkOff = page.readUInt32LE(o + 8);
      if (blkOff === 0) continue; // free slot
      const slot = { pkgIdx: page.readUInt32LE(o + 4), blkOff, blkCnt: page.readUInt32LE(o + 12) };
      if (!slot.pkgIdx || !slot.blkCnt || slot.blkOff < minBlk || slot.blkOff + slot.blkCnt > fileBlks) {
        throw new Error(`ndb slot for package ${slot.pkgIdx} points outside the file`);
      }
      slots.push(slot);
    }
  }
  slots.sort((a, b) => a.blkOff - b.blkOff);
  for (let i = 1; i < slots.length; i++) {
    const prev = slots[i - 1]!;
    if (prev.blkOff + prev.blkCnt > slots[i]!.blkOff) throw new Error('ndb slots overlap');
  }
  return slots;
}

function readBlob(src: ByteSource, s: Slot): Buffer {
  const start = s.blkOff * BLK_SIZE;
  const room = s.blkCnt * BLK_SIZE;
  if (room < HEAD_SIZE + TAIL_SIZE) throw new Error(`ndb blob of package ${s.pkgIdx} is too small`);
  const head = src.read(start, HEAD_SIZE);
  if (head.readUInt32LE(0) !== BLOB_HEAD) throw new Error(`ndb blob of package ${s.pkgIdx} has a bad magic`);
  if (head.readUInt32LE(4) !== s.pkgIdx) throw new Error(`ndb blob of package ${s.pkgIdx} belongs to another package`);
  const len = head.readUInt32LE(12);
  if (HEAD_SIZE + len + TAIL_SIZE > room) throw new Error(`ndb blob of package ${s.pkgIdx} overruns its blocks`);
  // the tail sits in the last 12 bytes of the blob's blocks: adler32, length, "BlbE"
  const tail = src.read(start + room - TAIL_SIZE, TAIL_SIZE);
  if (tail.readUInt32LE(8) !== BLOB_TAIL || tail.readUInt32LE(4) !== len) throw new Error(`ndb blob of package ${s.pkgIdx} has a bad tail`);
  return src.read(start + HEAD_SIZE, len);
}

/** Header blobs of every used slot, ordered by package index. Throws a short Error on a bad file. */
export function readNdbBlobs(src: ByteSource): Buffer[] {
  const slots = readSlots(src);
  slots.sort((a, b) => a.pkgIdx - b.pkgIdx);
  return slots.map((s) => readBlob(src, s));
}
