/**
 * Finds and decodes the Go build info blob ("\xff Go buildinf:" + 32-byte header) in an executable.
 * Go >= 1.18 writes the version and module strings inline after the header as varint-length strings;
 * older toolchains write two pointers to Go string headers, which we resolve through ELF sections only
 * (Mach-O/PE binaries built before Go 1.18 are not supported).
 * Search is bounded: the `.go.buildinfo` section when the ELF has one, else the whole file in chunks,
 * accepting only 16-byte-aligned matches (the linker aligns the blob; literal copies of the magic in
 * code that imports debug/buildinfo usually are not, and are also rejected by header checks).
 */
import { addrToOffset, findSection, isElf, readElf, type ElfFile } from '../internal/elf.js';
import { findAll, readExact, type ByteReader } from '../internal/byte-reader.js';

export const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER = 32;
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE = 2;
const MAX_VERSION = 1024;
/** modinfo of a large binary (kubernetes) is ~30 KiB; 4 MiB is far beyond any real one */
export const MAX_MODINFO = 4 * 1024 * 1024;
const GO_SECTIONS = ['.go.buildinfo', '.gopclntab', '.gosymtab', '.note.go.buildid'];
/** the 16-byte sentinels cmd/go puts around the module info */
const SENTINEL = 16;

export interface RawBuildInfo {
  goVersion: string;
  /** module info text without its sentinels; empty when built without modules */
  modinfo: string;
}

/** Reads an unsigned LEB128 varint; throws on overlong or oversized values. */
export function readUvarint(b: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (at + i >= b.length) throw new Error('truncated varint in Go build info');
    const byte = b[at + i]!;
    value += (byte & 0x7f) * scale;
    if (value > Number.MAX_SAFE_INTEGER) throw new Error('varint overflow in Go build info');
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
    scale *= 128;
  }
  throw new Error('overlong varint in Go build info');
}

async function inlineString(r: ByteReader, at: number, max: number, what: string): Promise<{ s: Buffer; next: number }> {
  const lenBytes = await r.read(at, 10);
  const { value, next } = readUvarint(lenBytes, 0);
  if (value > max) throw new Error(`Go build info ${what} length ${value} exceeds ${max}`);
  const data = await readExact(r, at + next, value, `Go build info ${what}`);
  return { s: data, next: at + next + value };
}

async function pointerString(r: ByteReader, elf: ElfFile, ptrSize: number, le: boolean, addr: number, max: number): Promise<Buffer> {
  const ptr = (b: Buffer, o: number): number =>
    ptrSize === 4 ? (le ? b.readUInt32LE(o) : b.readUInt32BE(o)) : Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
  const hdrOff = addrToOffset(elf, addr);
  if (hdrOff === undefined) return Buffer.alloc(0);
  const hdr = await readExact(r, hdrOff, 2 * ptrSize, 'Go string header');
  const dataOff = addrToOffset(elf, ptr(hdr, 0));
  const len = ptr(hdr, ptrSize);
  if (dataOff === undefined || len > max) return Buffer.alloc(0);
  return readExact(r, dataOff, len, 'Go string');
}

function stripSentinels(b: Buffer): string {
  // the framing is 16 bytes each side and the text ends with a newline before the closing sentinel
  if (b.length >= 2 * SENTINEL + 1 && b[b.length - SENTINEL - 1] === 0x0a) return b.toString('utf8', SENTINEL, b.length - SENTINEL);
  return '';
}

async function decodeAt(r: ByteReader, at: number, elf: ElfFile | undefined): Promise<RawBuildInfo | null> {
  const h = await r.read(at, HEADER);
  if (h.length < HEADER) return null;
  const ptrSize = h[14]!;
  const flags = h[15]!;
  if ((ptrSize !== 4 && ptrSize !== 8) || flags > 3) return null;
  let version: Buffer;
  let modinfo: Buffer;
  if (flags & FLAG_INLINE) {
    const v = await inlineString(r, at + HEADER, MAX_VERSION, 'version');
    version = v.s;
    modinfo = (await inlineString(r, v.next, MAX_MODINFO, 'module info')).s;
  } else {
    if (!elf) return null;
    const le = (flags & FLAG_BIG_ENDIAN) === 0;
    const p = (o: number): number => (ptrSize === 4 ? (le ? h.readUInt32LE(o) : h.readUInt32BE(o)) : Number(le ? h.readBigUInt64LE(o) : h.readBigUInt64BE(o)));
    version = await pointerString(r, elf, ptrSize, le, p(16), MAX_VERSION);
    modinfo = await pointerString(r, elf, ptrSize, le, p(16 + ptrSize), MAX_MODINFO);
  }
  const goVersion = version.toString('utf8');
  if (!goVersion.startsWith('go') && !goVersion.startsWith('devel')) return null;
  return { goVersion, modinfo: stripSentinels(modinfo) };
}

/**
 * Locates and decodes the build info of a Go executable; null when the file is not a Go binary.
 * A candidate that fails to decode does not stop the search (a stray copy of the magic); if no
 * candidate decodes, the first failure is thrown so the walker reports a malformed binary.
 */
export async function readGoBuildInfo(r: ByteReader): Promise<RawBuildInfo | null> {
  const head = await r.read(0, 64);
  const elf = isElf(head) ? await readElf(r) : undefined;
  // an ELF with a section table but no Go section is not a Go binary: skip the full-file scan
  if (elf && elf.sections.length && !elf.sections.some((s) => GO_SECTIONS.includes(s.name))) return null;
  const sec = elf && findSection(elf, '.go.buildinfo');
  // the linker puts the blob at the start of its section; Go itself reads only the first 64 KiB
  const ranges: [number, number][] = sec ? [[sec.offset, Math.min(sec.offset + sec.size, sec.offset + 64 * 1024)]] : [];
  ranges.push([0, r.size]);
  let firstError: unknown;
  for (const [start, end] of ranges) {
    for await (const at of findAll(r, BUILDINFO_MAGIC, start, end)) {
      if ((at - start) % 16 !== 0) continue;
      try {
        const info = await decodeAt(r, at, elf);
        if (info) return info;
      } catch (err) {
        firstError ??= err;
      }
    }
  }
  if (firstError) throw firstError;
  return null;
}
