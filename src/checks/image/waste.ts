/**
 * Image size, wasted bytes and efficiency, as Dive defines them (wagoodman/dive, filetree/efficiency.go):
 * - every leaf path of every layer is visited; a whiteout counts the bytes of the directory it deletes
 *   from the layers below (a whited-out file counts 0 bytes at the whiteout, its earlier copy still counts);
 * - a path seen in two or more layers is an "inefficiency"; wasted bytes are the sum of ALL its copies'
 *   sizes (Dive counts the surviving copy too);
 * - efficiency = Σ per-path smallest size / Σ per-path cumulative size (1.0 when nothing is stored).
 * Bulwark adds `reclaimable`: cumulative minus what the final filesystem still holds for that path, the
 * bytes a rebuild could actually save. Dive never counts a deleted directory's contents as waste (the
 * directory was no leaf where it was written, so its path is seen once); Bulwark lists such whiteouts, and
 * opaque directories, as reclaimable entries without changing Dive's wasted bytes or efficiency.
 */
import { PathIds } from '../../image/path-ids.js';
import type { ImageLayer } from './input.js';

export interface WasteEntry {
  path: string;
  /** layers (0-based) where the path appears */
  layers: number[];
  /** Dive's cumulative size over all copies */
  cumulative: number;
  /** bytes a rebuild would save: cumulative minus the final size */
  reclaimable: number;
  /** the path is gone from the final filesystem */
  deleted: boolean;
}

export interface ImageEfficiency {
  /** Σ file sizes over all layers (Dive's image size) */
  sizeBytes: number;
  /** the same without the first (base) layer */
  userSizeBytes: number;
  wastedBytes: number;
  /** wasted / user size (0 when there is no user layer) */
  wastedUserPercent: number;
  efficiency: number;
  reclaimableBytes: number;
  /** inefficient paths, most reclaimable first */
  entries: WasteEntry[];
}

function ancestors(path: string, into: Set<string>): void {
  let p = path;
  for (;;) {
    const i = p.lastIndexOf('/');
    if (i <= 0) break;
    p = p.slice(0, i);
    into.add(p);
  }
}

/** Per distinct path (by id): Dive's visits and the stacked filesystem. Typed arrays, no object per path. */
class PathFigures {
  readonly cumulative: Float64Array;
  readonly min: Float64Array;
  readonly count: Uint32Array;
  /** the path is in the stacked filesystem, with this size (files; 0 for others) */
  readonly alive: Uint8Array;
  readonly size: Float64Array;
  /** the path was a directory in some layer so far */
  readonly wasDir: Uint8Array;
  /** a whiteout or opaque marker that deleted bytes of a directory */
  readonly dirDelete: Uint8Array;
  /** visits as (id, layer) pairs, in order */
  private visits = new Uint32Array(1024);
  private nVisits = 0;

  constructor(
    private readonly ids: PathIds,
    n: number,
  ) {
    this.cumulative = new Float64Array(n);
    this.min = new Float64Array(n).fill(-1);
    this.count = new Uint32Array(n);
    this.alive = new Uint8Array(n);
    this.size = new Float64Array(n);
    this.wasDir = new Uint8Array(n);
    this.dirDelete = new Uint8Array(n);
  }

  visit(id: number, size: number, layer: number): void {
    this.cumulative[id] += size;
    if (this.min[id]! < 0 || size < this.min[id]!) this.min[id] = size;
    this.count[id]++;
    if (this.nVisits + 2 > this.visits.length) {
      const v = new Uint32Array(this.visits.length * 2);
      v.set(this.visits);
      this.visits = v;
    }
    this.visits[this.nVisits++] = id;
    this.visits[this.nVisits++] = layer;
  }

  /** Σ sizes of the stacked paths under `dir` (its path + '/' is their prefix). */
  sizeUnder(dir: string): number {
    const marked = this.ids.dirsWithPrefix(dir + '/');
    let n = 0;
    for (let id = 0; id < this.alive.length; id++) if (this.alive[id] && marked[this.ids.dirOf(id)]) n += this.size[id]!;
    return n;
  }

  removeUnder(dir: string): void {
    const marked = this.ids.dirsWithPrefix(dir + '/');
    for (let id = 0; id < this.alive.length; id++) if (marked[this.ids.dirOf(id)]) this.alive[id] = 0;
  }

  /** The layers each of `wanted` was visited in, in visit order. */
  layersOf(wanted: (id: number) => boolean): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let i = 0; i < this.nVisits; i += 2) {
      const id = this.visits[i]!;
      if (!wanted(id)) continue;
      const l = out.get(id);
      if (l) l.push(this.visits[i + 1]!);
      else out.set(id, [this.visits[i + 1]!]);
    }
    return out;
  }
}

/** Computes Dive's efficiency figures over the layers' file lists. */
export function imageEfficiency(layers: ImageLayer[]): ImageEfficiency {
  // every path any layer names gets an id first: its rows, its whiteouts, its opaque markers
  const ids = new PathIds(layers.map((l) => l.files));
  const rowIds = layers.map((l, i) => Int32Array.from({ length: l.files.length }, (_, row) => ids.ofRow(i, row)));
  const whiteoutIds = layers.map((l) => l.whiteouts.map((w) => ids.ofPath(w)));
  const opaqueIds = layers.map((l) => l.opaqueDirs.map((o) => ids.ofPath(`${o}/.wh..wh..opq`)));
  const root = ids.lookup('/');
  const n = ids.size;
  const f = new PathFigures(ids, n);
  /** layer position + 1 for the paths that are an ancestor of some path of that layer */
  const parentIn = new Uint32Array(n);
  let sizeBytes = 0;
  let firstLayer = 0;
  for (const [li, l] of layers.entries()) {
    const t = l.files;
    const parents = new Set<string>();
    // the ancestors of every path are its directory (without the trailing '/') and that directory's ancestors
    for (const d of t.dirs) {
      if (d.length < 2) continue;
      parents.add(d.slice(0, -1));
      ancestors(d.slice(0, -1), parents);
    }
    for (const w of l.whiteouts) ancestors(w, parents);
    for (const p of parents) {
      const id = ids.lookup(p);
      if (id >= 0) parentIn[id] = li + 1;
    }
    let layerBytes = 0;
    // whiteouts and opaque dirs are sized against the layers below, before this layer applies
    for (const [k, w] of l.whiteouts.entries()) {
      const id = whiteoutIds[li]![k]!;
      if (parentIn[id] === li + 1) continue;
      const size = f.wasDir[id] ? f.sizeUnder(w) : 0;
      f.visit(id, size, l.index);
      if (size > 0) f.dirDelete[id] = 1;
    }
    for (const [k, o] of l.opaqueDirs.entries()) {
      const hidden = f.sizeUnder(o);
      if (hidden === 0) continue;
      const id = opaqueIds[li]![k]!;
      f.visit(id, hidden, l.index);
      f.dirDelete[id] = 1;
    }
    for (const o of l.opaqueDirs) f.removeUnder(o);
    for (const [k, w] of l.whiteouts.entries()) {
      const id = whiteoutIds[li]![k]!;
      if (f.wasDir[id]) f.removeUnder(w);
      f.alive[id] = 0;
    }
    const rows = rowIds[li]!;
    for (let row = 0; row < t.length; row++) {
      const id = rows[row]!;
      const type = t.type(row);
      const size = type === 'file' ? t.size(row) : 0;
      layerBytes += size;
      if (type === 'dir') f.wasDir[id] = 1;
      f.alive[id] = 1;
      f.size[id] = size;
      if (id !== root && parentIn[id] !== li + 1) f.visit(id, size, l.index);
    }
    sizeBytes += layerBytes;
    if (l.index === 0) firstLayer = layerBytes;
  }
  let minSum = 0;
  let cumSum = 0;
  let wastedBytes = 0;
  let reclaimableBytes = 0;
  const listed = (id: number): boolean => f.count[id]! >= 2 || f.dirDelete[id] === 1;
  const layersOf = f.layersOf(listed);
  const entries: WasteEntry[] = [];
  for (let id = 0; id < n; id++) {
    if (!f.count[id]) continue;
    const cumulative = f.cumulative[id]!;
    minSum += f.min[id]!;
    cumSum += cumulative;
    if (!listed(id)) continue;
    const path = ids.path(id);
    if (f.count[id]! < 2) {
      reclaimableBytes += cumulative;
      entries.push({ path, layers: layersOf.get(id)!, cumulative, reclaimable: cumulative, deleted: true });
      continue;
    }
    wastedBytes += cumulative;
    const deleted = !f.alive[id];
    const reclaimable = cumulative - (deleted ? 0 : f.size[id]!);
    reclaimableBytes += reclaimable;
    entries.push({ path, layers: layersOf.get(id)!, cumulative, reclaimable, deleted });
  }
  entries.sort((a, b) => b.reclaimable - a.reclaimable || b.cumulative - a.cumulative || (a.path < b.path ? -1 : 1));
  const userSizeBytes = sizeBytes - firstLayer;
  return {
    sizeBytes,
    userSizeBytes,
    wastedBytes,
    wastedUserPercent: userSizeBytes > 0 ? wastedBytes / userSizeBytes : 0,
    efficiency: cumSum === 0 ? 1 : minSum / cumSum,
    reclaimableBytes,
    entries,
  };
}
