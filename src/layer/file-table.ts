/**
 * A layer's file list as columns instead of one object per file: a 300k-file layer is a handful of typed
 * arrays and one buffer of names (~50 B per file) instead of 300k `FileEntry` objects and their path
 * strings (~160 B per file).
 *
 * A path is stored as its directory (everything up to and including the last '/', interned: one string per
 * directory) plus its name as UTF-8 bytes in one buffer. Paths come from tar headers and directory
 * listings, which are decoded from bytes, so they are always well-formed Unicode and survive the trip.
 * Numbers that do not fit the columns (a uid beyond 32 bits, a negative or fractional tar field) are kept
 * beside them, as are link targets: nothing is rounded.
 *
 * Rows are read by index (`path(i)`, `type(i)`…) or as fresh `FileEntry` objects (`entry(i)`, iteration).
 */
import type { EntryType, FileEntry } from './types.js';

export const ENTRY_TYPES: readonly EntryType[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];
const TYPE_CODE = new Map<EntryType, number>(ENTRY_TYPES.map((t, i) => [t, i]));
/** `types[i]` of a directory */
export const DIR_CODE = 1;

/** The table's content as plain columns, `rows` long (what the layer cache stores). */
export interface FileColumns {
  rows: number;
  dirs: string[];
  /** index into `dirs` per row */
  dirOf: Uint32Array;
  /** end offset of each row's name in `names` (the name of row i starts at nameEnd[i - 1], or 0) */
  nameEnd: Uint32Array;
  names: Uint8Array;
  /** index into ENTRY_TYPES */
  types: Uint8Array;
  modes: Uint32Array;
  uids: Uint32Array;
  gids: Uint32Array;
  sizes: Float64Array;
  /** [row, target] of rows with a link target */
  links: [number, string][];
  /** [row, mode, uid, gid] of rows where one of them is not a uint32 (the columns then hold 0) */
  wide: [number, number, number, number][];
}

const isU32 = (n: number): boolean => n >>> 0 === n;

function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class FileTable implements Iterable<FileEntry> {
  private n = 0;
  private nameBytes = 0;
  /** directory -> index in `dirs`; only while rows are added (dropped by `trim`) */
  private dirIds: Map<string, number> | undefined;
  dirs: string[] = [];
  dirOf: Uint32Array = new Uint32Array(64);
  nameEnd: Uint32Array = new Uint32Array(64);
  names: Buffer = Buffer.alloc(1024);
  types: Uint8Array = new Uint8Array(64);
  modes: Uint32Array = new Uint32Array(64);
  uids: Uint32Array = new Uint32Array(64);
  gids: Uint32Array = new Uint32Array(64);
  sizes: Float64Array = new Float64Array(64);
  links = new Map<number, string>();
  wide = new Map<number, [mode: number, uid: number, gid: number]>();

  static from(entries: Iterable<FileEntry>): FileTable {
    const t = new FileTable();
    for (const e of entries) t.add(e.path, e.type, e.mode, e.size, e.uid, e.gid, e.link);
    return t.trim();
  }

  /** A table over columns (from the layer cache); throws when they do not fit together. */
  static fromColumns(c: FileColumns): FileTable {
    const t = new FileTable();
    const n = c.rows;
    const cols = [c.dirOf, c.nameEnd, c.types, c.modes, c.uids, c.gids, c.sizes];
    if (cols.some((a) => a.length !== n)) throw new Error('file table: columns of different lengths');
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const e = c.nameEnd[i]!;
      if (e < prev || c.dirOf[i]! >= c.dirs.length || c.types[i]! >= ENTRY_TYPES.length) throw new Error(`file table: bad row ${i}`);
      prev = e;
    }
    if (prev !== c.names.length) throw new Error('file table: names do not add up');
    for (const [row] of [...c.links, ...c.wide]) if (!(row >= 0 && row < n)) throw new Error('file table: bad sparse row');
    t.n = n;
    t.nameBytes = c.names.length;
    t.dirs = c.dirs;
    t.dirOf = c.dirOf;
    t.nameEnd = c.nameEnd;
    t.names = Buffer.from(c.names.buffer, c.names.byteOffset, c.names.byteLength);
    t.types = c.types;
    t.modes = c.modes;
    t.uids = c.uids;
    t.gids = c.gids;
    t.sizes = c.sizes;
    t.links = new Map(c.links);
    t.wide = new Map(c.wide.map(([row, mode, uid, gid]) => [row, [mode, uid, gid]]));
    return t;
  }

  get length(): number {
    return this.n;
  }

  /** Appends a row. `path` is split at its last '/'. */
  add(path: string, type: EntryType, mode: number, size: number, uid: number, gid: number, link?: string): void {
    const i = this.n;
    if (i === this.types.length) this.resize(i * 2);
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const ids = (this.dirIds ??= new Map(this.dirs.map((d, k) => [d, k])));
    let d = ids.get(dir);
    if (d === undefined) {
      d = this.dirs.push(dir) - 1;
      ids.set(dir, d);
    }
    this.dirOf[i] = d;
    const name = path.slice(slash + 1);
    if (this.nameBytes + name.length * 3 > this.names.length) {
      const b = Buffer.alloc(Math.max(this.names.length * 2, this.nameBytes + name.length * 3));
      this.names.copy(b, 0, 0, this.nameBytes);
      this.names = b;
    }
    this.nameBytes += this.names.write(name, this.nameBytes, 'utf8');
    this.nameEnd[i] = this.nameBytes;
    this.types[i] = TYPE_CODE.get(type) ?? TYPE_CODE.get('other')!;
    this.sizes[i] = size;
    if (isU32(mode) && isU32(uid) && isU32(gid)) {
      this.modes[i] = mode;
      this.uids[i] = uid;
      this.gids[i] = gid;
    } else {
      this.modes[i] = this.uids[i] = this.gids[i] = 0;
      this.wide.set(i, [mode, uid, gid]);
    }
    if (link !== undefined) this.links.set(i, link);
    this.n = i + 1;
  }

  private resize(cap: number): void {
    this.dirOf = grow(this.dirOf, cap);
    this.nameEnd = grow(this.nameEnd, cap);
    this.types = grow(this.types, cap);
    this.modes = grow(this.modes, cap);
    this.uids = grow(this.uids, cap);
    this.gids = grow(this.gids, cap);
    this.sizes = grow(this.sizes, cap);
  }

  /** Gives back the spare capacity of the columns once the table is complete. Returns the table. */
  trim(): this {
    const n = this.n;
    this.dirIds = undefined;
    if (this.types.length !== n) {
      this.dirOf = this.dirOf.slice(0, n);
      this.nameEnd = this.nameEnd.slice(0, n);
      this.types = this.types.slice(0, n);
      this.modes = this.modes.slice(0, n);
      this.uids = this.uids.slice(0, n);
      this.gids = this.gids.slice(0, n);
      this.sizes = this.sizes.slice(0, n);
    }
    if (this.names.length !== this.nameBytes) this.names = Buffer.from(this.names.subarray(0, this.nameBytes));
    return this;
  }

  /** The columns, `length` rows long (views, not copies). */
  columns(): FileColumns {
    const n = this.n;
    return {
      rows: n,
      dirs: this.dirs,
      dirOf: this.dirOf.subarray(0, n),
      nameEnd: this.nameEnd.subarray(0, n),
      names: this.names.subarray(0, this.nameBytes),
      types: this.types.subarray(0, n),
      modes: this.modes.subarray(0, n),
      uids: this.uids.subarray(0, n),
      gids: this.gids.subarray(0, n),
      sizes: this.sizes.subarray(0, n),
      links: [...this.links],
      wide: [...this.wide].map(([row, w]) => [row, ...w]),
    };
  }

  nameStart(i: number): number {
    return i === 0 ? 0 : this.nameEnd[i - 1]!;
  }
  name(i: number): string {
    return this.names.toString('utf8', this.nameStart(i), this.nameEnd[i]);
  }
  path(i: number): string {
    return this.dirs[this.dirOf[i]!]! + this.name(i);
  }
  type(i: number): EntryType {
    return ENTRY_TYPES[this.types[i]!]!;
  }
  isDir(i: number): boolean {
    return this.types[i] === DIR_CODE;
  }
  mode(i: number): number {
    return this.wide.get(i)?.[0] ?? this.modes[i]!;
  }
  size(i: number): number {
    return this.sizes[i]!;
  }
  uid(i: number): number {
    return this.wide.get(i)?.[1] ?? this.uids[i]!;
  }
  gid(i: number): number {
    return this.wide.get(i)?.[2] ?? this.gids[i]!;
  }
  link(i: number): string | undefined {
    return this.links.get(i);
  }

  /** Row i as a new object, keys in the walker's order. */
  entry(i: number): FileEntry {
    const w = this.wide.get(i);
    const e: FileEntry = w
      ? { path: this.path(i), type: this.type(i), mode: w[0], size: this.sizes[i]!, uid: w[1], gid: w[2] }
      : { path: this.path(i), type: this.type(i), mode: this.modes[i]!, size: this.sizes[i]!, uid: this.uids[i]!, gid: this.gids[i]! };
    const link = this.links.get(i);
    if (link !== undefined) e.link = link;
    return e;
  }

  *[Symbol.iterator](): Iterator<FileEntry> {
    for (let i = 0; i < this.n; i++) yield this.entry(i);
  }

  /** JSON.stringify gives the file list as before (an array of entries). */
  toJSON(): FileEntry[] {
    return [...this];
  }
}
