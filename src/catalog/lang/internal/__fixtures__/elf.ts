/** Test-time builders for synthetic ELF files and Go build info blobs (no binaries are committed). */

export interface SectionSpec {
  name: string;
  data: Buffer;
  /** virtual address; defaults to 0x400000 + file offset */
  addr?: number;
  /** section type; default SHT_PROGBITS (1) */
  type?: number;
  /** build the data once the section's address is known (for pointer-format Go build info) */
  build?: (addr: number) => Buffer;
}

function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** A little-endian ELF64 (or ELF32) file with the given sections, a .shstrtab and a section table. */
export function buildElf(sections: SectionSpec[], bits: 32 | 64 = 64): Buffer {
  const ehsize = bits === 64 ? 64 : 52;
  const shentsize = bits === 64 ? 64 : 40;
  const names = [''];
  const placed: { name: number; type: number; addr: number; offset: number; data: Buffer }[] = [];
  let off = align(ehsize, 16);
  const nameOff = (n: string): number => {
    const at = Buffer.byteLength(names.join('\0')) + 1;
    names.push(n);
    return at;
  };
  for (const s of sections) {
    const addr = s.addr ?? 0x400000 + off;
    const data = s.build ? s.build(addr) : s.data;
    placed.push({ name: nameOff(s.name), type: s.type ?? 1, addr, offset: off, data });
    off = align(off + data.length, 16);
  }
  const shstrName = nameOff('.shstrtab');
  const strtab = Buffer.from(names.join('\0') + '\0', 'latin1');
  placed.push({ name: shstrName, type: 3, addr: 0, offset: off, data: strtab });
  off = align(off + strtab.length, 16);
  const shoff = off;
  const total = shoff + shentsize * (placed.length + 1);
  const out = Buffer.alloc(total);
  out.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, 1, 1]);
  out.writeUInt16LE(2, 16); // ET_EXEC
  out.writeUInt16LE(bits === 64 ? 62 : 3, 18);
  if (bits === 64) {
    out.writeBigUInt64LE(BigInt(shoff), 0x28);
    out.writeUInt16LE(shentsize, 0x3a);
    out.writeUInt16LE(placed.length + 1, 0x3c);
    out.writeUInt16LE(placed.length, 0x3e);
  } else {
    out.writeUInt32LE(shoff, 0x20);
    out.writeUInt16LE(shentsize, 0x2e);
    out.writeUInt16LE(placed.length + 1, 0x30);
    out.writeUInt16LE(placed.length, 0x32);
  }
  placed.forEach((p, i) => {
    p.data.copy(out, p.offset);
    const h = shoff + shentsize * (i + 1);
    out.writeUInt32LE(p.name, h);
    out.writeUInt32LE(p.type, h + 4);
    if (bits === 64) {
      out.writeBigUInt64LE(BigInt(p.addr), h + 16);
      out.writeBigUInt64LE(BigInt(p.offset), h + 24);
      out.writeBigUInt64LE(BigInt(p.data.length), h + 32);
    } else {
      out.writeUInt32LE(p.addr, h + 12);
      out.writeUInt32LE(p.offset, h + 16);
      out.writeUInt32LE(p.data.length, h + 20);
    }
  });
  return out;
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

function uvarint(n: number): Buffer {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.from(out);
}

/** Module info text framed by cmd/go's 16-byte sentinels. */
export function framedModinfo(text: string): Buffer {
  return Buffer.concat([START, Buffer.from(text), END]);
}

/** A Go >= 1.18 build info blob: 32-byte header then varint-length version and module info. */
export function inlineBuildInfo(goVersion: string, modinfo: string): Buffer {
  const head = Buffer.alloc(32);
  MAGIC.copy(head);
  head[14] = 8;
  head[15] = 2;
  const v = Buffer.from(goVersion);
  const m = framedModinfo(modinfo);
  return Buffer.concat([head, uvarint(v.length), v, uvarint(m.length), m]);
}

/** A pre-1.18 build info blob for a section at `addr`: pointers to Go string headers in the same section. */
export function pointerBuildInfo(goVersion: string, modinfo: string): (addr: number) => Buffer {
  return (addr) => {
    const v = Buffer.from(goVersion);
    const m = framedModinfo(modinfo);
    const out = Buffer.alloc(32 + 32 + v.length + m.length);
    MAGIC.copy(out);
    out[14] = 8;
    out[15] = 0;
    out.writeBigUInt64LE(BigInt(addr + 32), 16); // version string header
    out.writeBigUInt64LE(BigInt(addr + 48), 24); // modinfo string header
    out.writeBigUInt64LE(BigInt(addr + 64), 32);
    out.writeBigUInt64LE(BigInt(v.length), 40);
    out.writeBigUInt64LE(BigInt(addr + 64 + v.length), 48);
    out.writeBigUInt64LE(BigInt(m.length), 56);
    v.copy(out, 64);
    m.copy(out, 64 + v.length);
    return out;
  };
}
