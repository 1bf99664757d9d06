/** Test-time builder of RPM header blobs (index entries + data store), as rpmdb stores them. */

export type TagValue =
  | { tag: number; string: string }
  | { tag: number; strings: string[] }
  | { tag: number; int32: number[] };

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;

/** Encodes tags into a header blob: big-endian il, dl, 16-byte entries, then the data store. */
export function buildHeaderBlob(tags: TagValue[]): Buffer {
  const index: Buffer[] = [];
  const data: Buffer[] = [];
  let dl = 0;
  for (const t of tags) {
    let type: number;
    let count: number;
    let bytes: Buffer;
    if ('int32' in t) {
      const pad = (4 - (dl % 4)) % 4; // rpm aligns integers to their size
      if (pad) {
        data.push(Buffer.alloc(pad));
        dl += pad;
      }
      type = TYPE_INT32;
      count = t.int32.length;
      bytes = Buffer.alloc(4 * count);
      for (const [i, v] of t.int32.entries()) bytes.writeUInt32BE(v, i * 4);
    } else if ('strings' in t) {
      type = TYPE_STRING_ARRAY;
      count = t.strings.length;
      bytes = Buffer.from(t.strings.map((s) => s + '\0').join(''), 'utf8');
    } else {
      type = TYPE_STRING;
      count = 1;
      bytes = Buffer.from(t.string + '\0', 'utf8');
    }
    const e = Buffer.alloc(16);
    e.writeInt32BE(t.tag, 0);
    e.writeUInt32BE(type, 4);
    e.writeInt32BE(dl, 8);
    e.writeUInt32BE(count, 12);
    index.push(e);
    data.push(bytes);
    dl += bytes.length;
  }
  const intro = Buffer.alloc(8);
  intro.writeUInt32BE(index.length, 0);
  intro.writeUInt32BE(dl, 4);
  return Buffer.concat([intro, ...index, ...data]);
}

export interface SimplePackage {
  name: string;
  version: string;
  release: string;
  arch?: string;
  epoch?: number;
  sourceRpm?: string;
  license?: string;
  vendor?: string;
  size?: number;
  files?: string[];
}

/** A header blob for a package, files split into DIRNAMES/BASENAMES/DIRINDEXES as rpm does. */
export function packageBlob(p: SimplePackage): Buffer {
  const tags: TagValue[] = [
    { tag: 1000, string: p.name },
    { tag: 1001, string: p.version },
    { tag: 1002, string: p.release },
  ];
  if (p.epoch !== undefined) tags.push({ tag: 1003, int32: [p.epoch] });
  if (p.size !== undefined) tags.push({ tag: 1009, int32: [p.size] });
  if (p.vendor) tags.push({ tag: 1011, string: p.vendor });
  if (p.license) tags.push({ tag: 1014, string: p.license });
  if (p.arch) tags.push({ tag: 1022, string: p.arch });
  if (p.sourceRpm) tags.push({ tag: 1044, string: p.sourceRpm });
  if (p.files?.length) {
    const dirs: string[] = [];
    const idx: number[] = [];
    const bases: string[] = [];
    for (const f of p.files) {
      const cut = f.lastIndexOf('/') + 1;
      const dir = f.slice(0, cut);
      if (!dirs.includes(dir)) dirs.push(dir);
      idx.push(dirs.indexOf(dir));
      bases.push(f.slice(cut));
    }
    tags.push({ tag: 1116, int32: idx }, { tag: 1117, strings: bases }, { tag: 1118, strings: dirs });
  }
  return buildHeaderBlob(tags);
}
