/**
 * Minimal ELF reader: the section table (names, addresses, file offsets) of 32/64-bit, little/big-endian
 * files. Shared by the Go (.go.buildinfo) and Rust (.dep-v0) binary catalogers. Every field comes from
 * attacker-controlled bytes, so counts and ranges are checked against the file size before use.
 */
import { readExact, type ByteReader } from './byte-reader.js';

const MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHT_NOBITS = 8;
/** more sections than any real binary has; bounds the section-table read */
const MAX_SECTIONS = 65536;
const MAX_SHSTRTAB = 4 * 1024 * 1024;

export interface ElfSection {
  name: string;
  type: number;
  addr: number;
  offset: number;
  size: number;
}

export interface ElfFile {
  bits: 32 | 64;
  littleEndian: boolean;
  sections: ElfSection[];
}

/** True when the bytes start with the ELF magic. */
export function isElf(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(MAGIC);
}

/** Field reads of one byte order and class, without BigInt (this runs on every executable in an image). */
interface Fields {
  u16(b: Buffer, o: number): number;
  u32(b: Buffer, o: number): number;
  /** a 64-bit word as a number; above 2^53 it cannot be a file offset we could read: made unmatchable */
  word(b: Buffer, o: number): number;
}

const TWO_32 = 4294967296;
const HI_LIMIT = 0x200000; // hi word >= 2^21 means the value is >= 2^53

function fields(le: boolean, bits: 32 | 64): Fields {
  const u16 = le ? (b: Buffer, o: number) => b.readUInt16LE(o) : (b: Buffer, o: number) => b.readUInt16BE(o);
  const u32 = le ? (b: Buffer, o: number) => b.readUInt32LE(o) : (b: Buffer, o: number) => b.readUInt32BE(o);
  if (bits === 32) return { u16, u32, word: u32 };
  const word = (b: Buffer, o: number): number => {
    const lo = le ? b.readUInt32LE(o) : b.readUInt32BE(o + 4);
    const hi = le ? b.readUInt32LE(o + 4) : b.readUInt32BE(o);
    return hi >= HI_LIMIT ? Number.MAX_SAFE_INTEGER : hi * TWO_32 + lo;
  };
  return { u16, u32, word };
}

/** Reads the ELF header and section table; throws a short Error on a malformed file. */
export async function readElf(r: ByteReader): Promise<ElfFile> {
  const head = await readExact(r, 0, 64, 'ELF header');
  if (!isElf(head)) throw new Error('not an ELF file');
  const bits = head[4] === 1 ? 32 : head[4] === 2 ? 64 : undefined;
  const le = head[5] === 1 ? true : head[5] === 2 ? false : undefined;
  if (bits === undefined || le === undefined) throw new Error('bad ELF class or byte order');
  const f = fields(le, bits);
  const shoff = f.word(head, bits === 64 ? 0x28 : 0x20);
  const shentsize = f.u16(head, bits === 64 ? 0x3a : 0x2e);
  let shnum = f.u16(head, bits === 64 ? 0x3c : 0x30);
  let shstrndx = f.u16(head, bits === 64 ? 0x3e : 0x32);
  if (shoff === 0) return { bits, littleEndian: le, sections: [] };
  const minEnt = bits === 64 ? 64 : 40;
  if (shentsize < minEnt) throw new Error(`bad ELF section header size ${shentsize}`);
  if (shoff >= r.size) throw new Error('ELF section table beyond end of file');
  const first = await readExact(r, shoff, minEnt, 'ELF section table');
  if (shnum === 0) shnum = f.word(first, bits === 64 ? 32 : 20); // extended numbering: count in section 0's size
  if (shstrndx === 0xffff) shstrndx = f.u32(first, bits === 64 ? 40 : 24);
  if (shnum > MAX_SECTIONS || shoff + shnum * shentsize > r.size) throw new Error('ELF section table beyond end of file');
  const table = await readExact(r, shoff, shnum * shentsize, 'ELF section table');
  const raw: (ElfSection & { nameOff: number })[] = [];
  const [addrAt, offsetAt, sizeAt] = bits === 64 ? [16, 24, 32] : [12, 16, 20];
  for (let i = 0, o = 0; i < shnum; i++, o += shentsize) {
    raw.push({ name: '', nameOff: f.u32(table, o), type: f.u32(table, o + 4), addr: f.word(table, o + addrAt), offset: f.word(table, o + offsetAt), size: f.word(table, o + sizeAt) });
  }
  const strtab = raw[shstrndx];
  if (strtab && strtab.type !== SHT_NOBITS && strtab.size <= MAX_SHSTRTAB && strtab.offset + strtab.size <= r.size) {
    const names = await readExact(r, strtab.offset, strtab.size, 'ELF section names');
    for (const s of raw) {
      if (s.nameOff >= names.length) continue;
      const end = names.indexOf(0, s.nameOff);
      s.name = names.toString('latin1', s.nameOff, end === -1 ? names.length : end);
    }
  }
  const sections = raw.map(({ nameOff: _n, ...s }) => s);
  return { bits, littleEndian: le, sections };
}

/** The named section, if present and backed by bytes in the file. */
export function findSection(elf: ElfFile, name: string): ElfSection | undefined {
  return elf.sections.find((s) => s.name === name && s.type !== SHT_NOBITS && s.size > 0);
}

/** Reads a section's bytes; throws when it lies outside the file or exceeds maxBytes. */
export async function readSection(r: ByteReader, s: ElfSection, maxBytes: number): Promise<Buffer> {
  if (s.size > maxBytes) throw new Error(`section ${s.name} is ${s.size} bytes (limit ${maxBytes})`);
  if (s.offset + s.size > r.size) throw new Error(`section ${s.name} extends beyond end of file`);
  return readExact(r, s.offset, s.size, `section ${s.name}`);
}

/** Maps a virtual address to a file offset through the section that contains it. */
export function addrToOffset(elf: ElfFile, addr: number): number | undefined {
  for (const s of elf.sections) {
    if (s.type === SHT_NOBITS || s.addr === 0) continue;
    if (addr >= s.addr && addr < s.addr + s.size) return s.offset + (addr - s.addr);
  }
  return undefined;
}
