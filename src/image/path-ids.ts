/**
 * Dense ids (0, 1, 2 …) for the distinct paths of several layers' file tables, plus paths given as strings
 * (whiteouts), so per-path figures can live in typed arrays indexed by id instead of Maps keyed by path
 * strings. Paths are keyed by (directory id, name bytes) in an open-addressing hash table, as in
 * FinalFiles; about 20 B per distinct path.
 */
import type { FileTable } from '../layer/file-table.js';

const EMPTY = -1;

/** Hash of a path as (directory id, name bytes): FNV-1a over the bytes, seeded by the directory, mixed. */
export function nameHash(dir: number, bytes: Uint8Array, start: number, end: number): number {
  let h = Math.imul(dir ^ 0x9e3779b9, 0x85ebca6b);
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function grow(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

export class PathIds {
  /** every directory (with its trailing '/') and its id */
  readonly dirs: string[] = [];
  private readonly dirIds = new Map<string, number>();
  /** per table: its directory index -> directory id */
  private readonly dirMap: Uint32Array[];
  private slots: Int32Array;
  private mask: number;
  /** per path id: its directory id, and where its name is: (table, row), or (-1, index in `extra`) */
  private idDir: Int32Array = new Int32Array(1024);
  private idTable: Int32Array = new Int32Array(1024);
  private idRow: Int32Array = new Int32Array(1024);
  private readonly extra: Buffer[] = [];
  private n = 0;

  constructor(private readonly tables: readonly FileTable[]) {
    this.dirMap = tables.map((t) => Uint32Array.from(t.dirs, (d) => this.dirId(d)));
    this.slots = new Int32Array(1024).fill(EMPTY);
    this.mask = 1023;
  }

  get size(): number {
    return this.n;
  }

  private dirId(d: string): number {
    let id = this.dirIds.get(d);
    if (id === undefined) {
      id = this.dirs.push(d) - 1;
      this.dirIds.set(d, id);
    }
    return id;
  }

  /** Whether path id `id` has the name bytes[start..end]. */
  private sameName(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const t = this.idTable[id]!;
    const row = this.idRow[id]!;
    let b: Uint8Array;
    let bs: number;
    if (t < 0) {
      b = this.extra[row]!;
      bs = 0;
      if (b.length !== end - start) return false;
    } else {
      const table = this.tables[t]!;
      b = table.names;
      bs = table.nameStart(row);
      if (table.nameEnd[row]! - bs !== end - start) return false;
    }
    for (let i = start; i < end; i++) if (b[bs++] !== bytes[i]) return false;
    return true;
  }

  private hashOf(id: number): number {
    const t = this.idTable[id]!;
    const row = this.idRow[id]!;
    if (t < 0) {
      const b = this.extra[row]!;
      return nameHash(this.idDir[id]!, b, 0, b.length);
    }
    const table = this.tables[t]!;
    return nameHash(this.idDir[id]!, table.names, table.nameStart(row), table.nameEnd[row]!);
  }

  /** The id of (dir, name), or -1 - the slot where it would go. */
  private find(dir: number, bytes: Uint8Array, start: number, end: number): number {
    for (let s = nameHash(dir, bytes, start, end) & this.mask; ; s = (s + 1) & this.mask) {
      const id = this.slots[s]!;
      if (id === EMPTY) return -1 - s;
      if (this.idDir[id] === dir && this.sameName(id, bytes, start, end)) return id;
    }
  }

  private insert(slot: number, dir: number, table: number, row: number): number {
    const id = this.n++;
    if (id === this.idDir.length) {
      this.idDir = grow(this.idDir, id * 2);
      this.idTable = grow(this.idTable, id * 2);
      this.idRow = grow(this.idRow, id * 2);
    }
    this.idDir[id] = dir;
    this.idTable[id] = table;
    this.idRow[id] = row;
    this.slots[slot] = id;
    if (this.n * 3 > this.slots.length * 2) this.rehash();
    return id;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let id = 0; id < this.n; id++) {
      let s = this.hashOf(id) & this.mask;
      while (this.slots[s] !== EMPTY) s = (s + 1) & this.mask;
      this.slots[s] = id;
    }
  }

  /** The id of row `row` of table `table`'s path (new if the path was not seen yet). */
  ofRow(table: number, row: number): number {
    const t = this.tables[table]!;
    const dir = this.dirMap[table]![t.dirOf[row]!]!;
    const f = this.find(dir, t.names, t.nameStart(row), t.nameEnd[row]!);
    return f >= 0 ? f : this.insert(-1 - f, dir, table, row);
  }

  /** The id of a path given as a string (new if it was not seen yet). */
  ofPath(path: string): number {
    const slash = path.lastIndexOf('/');
    const dir = this.dirId(path.slice(0, slash + 1));
    const name = Buffer.from(path.slice(slash + 1), 'utf8');
    const f = this.find(dir, name, 0, name.length);
    if (f >= 0) return f;
    return this.insert(-1 - f, dir, -1, this.extra.push(name) - 1);
  }

  /** The id of a path seen before, or -1. */
  lookup(path: string): number {
    const slash = path.lastIndexOf('/');
    const dir = this.dirIds.get(path.slice(0, slash + 1));
    if (dir === undefined) return -1;
    const name = Buffer.from(path.slice(slash + 1), 'utf8');
    const f = this.find(dir, name, 0, name.length);
    return f >= 0 ? f : -1;
  }

  path(id: number): string {
    const t = this.idTable[id]!;
    const row = this.idRow[id]!;
    return this.dirs[this.idDir[id]!]! + (t < 0 ? this.extra[row]!.toString('utf8') : this.tables[t]!.name(row));
  }

  /** Directory id of a path id. */
  dirOf(id: number): number {
    return this.idDir[id]!;
  }

  /** Marks the directory ids that start with `prefix`: a path id is under it when its directory is marked. */
  dirsWithPrefix(prefix: string): Uint8Array {
    const marked = new Uint8Array(this.dirs.length);
    for (const [id, d] of this.dirs.entries()) if (d.startsWith(prefix)) marked[id] = 1;
    return marked;
  }
}
