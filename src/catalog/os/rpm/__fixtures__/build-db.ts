/** Test-time builders of the three rpm database formats around given header blobs. */
import Database from 'better-sqlite3';

/** An rpmdb.sqlite as rpm >= 4.16 writes it, header marked WAL like rpm leaves it. */
export function buildSqlite(blobs: Buffer[]): Buffer {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT,blob BLOB NOT NULL)");
  const ins = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
  for (const b of blobs) ins.run(b);
  const out = db.serialize();
  db.close();
  out[18] = 2;
  out[19] = 2;
  return out;
}

export interface BdbFile {
  file: Buffer;
  pageSize: number;
  /** overflow page numbers of each blob, in chain order */
  chains: number[][];
}

/** A little-endian Berkeley DB hash file: meta page, one hash page, then overflow chains. */
export function buildBdb(blobs: Buffer[], pageSize = 512): BdbFile {
  const room = pageSize - 26;
  const chains: number[][] = [];
  let next = 2;
  for (const b of blobs) {
    const n = Math.max(1, Math.ceil(b.length / room));
    chains.push(Array.from({ length: n }, (_, i) => next + i));
    next += n;
  }
  const file = Buffer.alloc(next * pageSize);
  file.writeUInt32LE(0x061561, 12);
  file.writeUInt32LE(9, 16);
  file.writeUInt32LE(pageSize, 20);
  file[25] = 8;
  file.writeUInt32LE(next - 1, 32);
  const hash = 1 * pageSize;
  file.writeUInt32LE(1, hash + 8);
  file.writeUInt16LE(blobs.length * 2, hash + 20);
  file[hash + 25] = 13;
  let top = pageSize;
  for (const [i, b] of blobs.entries()) {
    top -= 5; // key: H_KEYDATA + 4-byte header number
    file[hash + top] = 1;
    file.writeUInt32LE(i + 1, hash + top + 1);
    file.writeUInt16LE(top, hash + 26 + i * 4);
    top -= 12; // data: H_OFFPAGE, pgno, tlen
    file[hash + top] = 3;
    file.writeUInt32LE(chains[i]![0]!, hash + top + 4);
    file.writeUInt32LE(b.length, hash + top + 8);
    file.writeUInt16LE(top, hash + 26 + i * 4 + 2);
    for (const [j, pg] of chains[i]!.entries()) {
      const at = pg * pageSize;
      const part = b.subarray(j * room, (j + 1) * room);
      file.writeUInt32LE(pg, at + 8);
      file.writeUInt32LE(chains[i]![j + 1] ?? 0, at + 16);
      file.writeUInt16LE(part.length, at + 22);
      file[at + 25] = 7;
      part.copy(file, at + 26);
    }
  }
  return { file, pageSize, chains };
}

function adler32(buf: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of buf) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** An ndb Packages.db: one slot page, then each blob framed by BlbS/BlbE in 16-byte blocks. */
export function buildNdb(blobs: Buffer[]): Buffer {
  const page = Buffer.alloc(4096);
  page.write('RpmP', 0, 'latin1');
  page.writeUInt32LE(1, 8);
  page.writeUInt32LE(1, 12);
  page.writeUInt32LE(blobs.length + 1, 16);
  for (let o = 32; o < 4096; o += 16) page.write('Slot', o, 'latin1');
  const parts: Buffer[] = [page];
  let blk = 4096 / 16;
  for (const [i, b] of blobs.entries()) {
    const cnt = Math.ceil((16 + b.length + 12) / 16);
    const framed = Buffer.alloc(cnt * 16);
    framed.write('BlbS', 0, 'latin1');
    framed.writeUInt32LE(i + 1, 4);
    framed.writeUInt32LE(i + 1, 8);
    framed.writeUInt32LE(b.length, 12);
    b.copy(framed, 16);
    framed.writeUInt32LE(adler32(framed.subarray(0, framed.length - 12)), framed.length - 12);
    framed.writeUInt32LE(b.length, framed.length - 8);
    framed.write('BlbE', framed.length - 4, 'latin1');
    const slot = 32 + i * 16;
    page.writeUInt32LE(i + 1, slot + 4);
    page.writeUInt32LE(blk, slot + 8);
    page.writeUInt32LE(cnt, slot + 12);
    parts.push(framed);
    blk += cnt;
  }
  return Buffer.concat(parts);
}
