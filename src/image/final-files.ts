/**
 * The final filesystem of a squash: which (layer, row) of the layers' file tables holds each path, as a
 * read-only Map of path -> FinalEntry. No string or object is kept per path: directories are interned
 * across layers (one id per distinct directory), and an open-addressing hash table over
 * (directory id, name bytes) points into typed arrays: ~17 B per path (300k paths: 5 MiB) instead of a Map
 * entry and its key string.
 *
 * Iteration order is that of a Map: the order in which paths were first set since their last deletion.
 * Each insertion of a new path takes the next "ordinal"; the ordinal holds the (layer, row) and is
 * cleared when the path is deleted, so iterating the ordinals in order skips deleted ones.
 */
import type { FileEntry } from '../layer/types.js';
import type { FileTable } from '../layer/file-table.js';
import { nameHash } from './path-ids.js';

export interface FinalEntry {
  entry: FileEntry;
  layer: number;
}

const EMPTY = -1;
const TOMBSTONE = -2;

function prefixOf(dir: string): string {
  return dir === '/' ? '/' : dir + '/';
}

export class FinalFiles implements ReadonlyMap<string, FinalEntry> {
  /** every directory of every layer (with its trailing '/'), and its id */
  private readonly dirs: string[] = [];
  private readonly dirIds = new Map<string, number>();
  /** per layer: its table's directory index -> directory id */
  private readonly dirMap: Uint32Array[];
  /** hash slot -> ordinal, or EMPTY / TOMBSTONE */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** per ordinal: layer, row (-1 once deleted), slot */
  private readonly ordLayer: Uint16Array | Uint32Array;
  private readonly ordRow: Int32Array;
  private readonly ordSlot: Int32Array;
  private ords = 0;
  private live = 0;

  constructor(private readonly tables: readonly FileTable[]) {
    let total = 0;
    this.dirMap = tables.map((t) => {
      total += t.length;
      return Uint32Array.from(t.dirs, (d) => {
        let id = this.dirIds.get(d);
        if (id === undefined) {
          id = this.dirs.push(d) - 1;
          this.dirIds.set(d, id);
        }
        return id;
      });
    });
    let cap = 16;
    while (cap < total * 1.5) cap *= 2; // at most 2/3 full, tombstones included: one slot per insertion
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.ordLayer = tables.length <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
    this.ordRow = new Int32Array(total);
    this.ordSlot = new Int32Array(total);
  }

  private dirIdOf(layer: number, row: number): number {
    return this.dirMap[layer]![this.tables[layer]!.dirOf[row]!]!;
  }

  /** The slot holding (dir, bytes[start..end]) or, when absent, -1 - the slot to insert it at. */
  private find(dir: number, bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    let s = nameHash(dir, bytes, start, end) & this.mask;
    let free = -1;
    for (;;) {
      const o = this.slots[s]!;
      if (o === EMPTY) return -1 - (free >= 0 ? free : s);
      if (o === TOMBSTONE) {
        if (free < 0) free = s;
      } else {
        const layer = this.ordLayer[o]!;
        const row = this.ordRow[o]!;
        const t = this.tables[layer]!;
        const ns = t.nameStart(row);
        if (this.dirIdOf(layer, row) === dir && t.nameEnd[row]! - ns === len && equalBytes(t.names, ns, bytes, start, len)) return s;
      }
      s = (s + 1) & this.mask;
    }
  }

  private findPath(path: string): number {
    const slash = path.lastIndexOf('/');
    const dir = this.dirIds.get(path.slice(0, slash + 1));
    if (dir === undefined) return -1;
    const name = Buffer.from(path.slice(slash + 1), 'utf8');
    return this.find(dir, name, 0, name.length);
  }

  /** Squash step: a layer's row becomes the final entry of its path. True when it replaced a directory. */
  setRow(layer: number, row: number): boolean {
    const t = this.tables[layer]!;
    const s = this.find(this.dirIdOf(layer, row), t.names, t.nameStart(row), t.nameEnd[row]!);
    if (s >= 0) {
      const o = this.slots[s]!;
      const wasDir = this.tables[this.ordLayer[o]!]!.isDir(this.ordRow[o]!);
      this.ordLayer[o] = layer;
      this.ordRow[o] = row;
      return wasDir;
    }
    const o = this.ords++;
    this.slots[-1 - s] = o;
    this.ordLayer[o] = layer;
    this.ordRow[o] = row;
    this.ordSlot[o] = -1 - s;
    this.live++;
    return false;
  }

  private deleteOrd(o: number): void {
    this.slots[this.ordSlot[o]!] = TOMBSTONE;
    this.ordRow[o] = -1;
    this.live--;
  }

  /** Squash step: removes `paths` themselves (whiteouts). */
  deletePaths(paths: readonly string[]): void {
    for (const p of paths) {
      const s = this.findPath(p);
      if (s >= 0) this.deleteOrd(this.slots[s]!);
    }
  }

  /**
   * Squash step: removes everything under the given directories (not the directories themselves), in one
   * pass over the live paths after marking the directories that lie under one of them.
   */
  deleteUnder(dirs: readonly string[]): void {
    const marked = dirs.length ? this.dirsUnder(dirs) : undefined;
    if (!marked) return;
    for (let o = 0; o < this.ords; o++) {
      const row = this.ordRow[o]!;
      if (row >= 0 && marked[this.dirIdOf(this.ordLayer[o]!, row)]) this.deleteOrd(o);
    }
  }

  /** True when some final path lies under `dir`, without making a path string per file. */
  hasUnder(dir: string): boolean {
    const marked = this.dirsUnder([dir]);
    if (!marked) return false;
    for (let o = 0; o < this.ords; o++) {
      const row = this.ordRow[o]!;
      if (row >= 0 && marked[this.dirIdOf(this.ordLayer[o]!, row)]) return true;
    }
    return false;
  }

  /** Marks the directory ids that lie under one of `dirs` (or are one of them); undefined when none does. */
  private dirsUnder(dirs: readonly string[]): Uint8Array | undefined {
    const prefixes = new Set(dirs.map(prefixOf));
    const marked = new Uint8Array(this.dirs.length);
    let any = false;
    for (const [id, d] of this.dirs.entries()) {
      for (let j = d.indexOf('/'); j >= 0; j = d.indexOf('/', j + 1)) {
        if (prefixes.has(d.slice(0, j + 1))) {
          marked[id] = 1;
          any = true;
          break;
        }
      }
    }
    return any ? marked : undefined;
  }

  private entryOf(o: number): FinalEntry {
    const layer = this.ordLayer[o]!;
    return { entry: this.tables[layer]!.entry(this.ordRow[o]!), layer };
  }

  private pathOf(o: number): string {
    return this.tables[this.ordLayer[o]!]!.path(this.ordRow[o]!);
  }

  /** The final (layer, row) of a path, without making an entry object. */
  locate(path: string): { layer: number; row: number } | undefined {
    const s = this.findPath(path);
    if (s < 0) return undefined;
    const o = this.slots[s]!;
    return { layer: this.ordLayer[o]!, row: this.ordRow[o]! };
  }

  get size(): number {
    return this.live;
  }
  get(path: string): FinalEntry | undefined {
    const s = this.findPath(path);
    return s < 0 ? undefined : this.entryOf(this.slots[s]!);
  }
  has(path: string): boolean {
    return this.findPath(path) >= 0;
  }
  *keys(): MapIterator<string> {
    for (let o = 0; o < this.ords; o++) if (this.ordRow[o]! >= 0) yield this.pathOf(o);
  }
  *values(): MapIterator<FinalEntry> {
    for (let o = 0; o < this.ords; o++) if (this.ordRow[o]! >= 0) yield this.entryOf(o);
  }
  *entries(): MapIterator<[string, FinalEntry]> {
    for (let o = 0; o < this.ords; o++) {
      if (this.ordRow[o]! < 0) continue;
      const fe = this.entryOf(o);
      yield [fe.entry.path, fe];
    }
  }
  [Symbol.iterator](): MapIterator<[string, FinalEntry]> {
    return this.entries();
  }
  forEach(fn: (value: FinalEntry, key: string, map: ReadonlyMap<string, FinalEntry>) => void, thisArg?: unknown): void {
    for (const [path, fe] of this.entries()) fn.call(thisArg, fe, path, this);
  }
}

function equalBytes(a: Uint8Array, as: number, b: Uint8Array, bs: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}
