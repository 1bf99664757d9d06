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

function sizeUnder(stack: Map<string, number>, dir: string): number {
  let n = 0;
  const prefix = dir + '/';
  for (const [p, s] of stack) if (p.startsWith(prefix)) n += s;
  return n;
}

function removeUnder(stack: Map<string, number>, dir: string, self: boolean): void {
  if (self) stack.delete(dir);
  const prefix = dir + '/';
  for (const p of [...stack.keys()]) if (p.startsWith(prefix)) stack.delete(p);
}

/** Computes Dive's efficiency figures over the layers' file lists. */
export function imageEfficiency(layers: ImageLayer[]): ImageEfficiency {
  const data = new Map<string, { layers: number[]; cumulative: number; min: number }>();
  const dirDeletes = new Set<string>();
  const stack = new Map<string, number>(); // stacked filesystem: path -> size (files), 0 for others
  const dirs = new Set<string>();
  let sizeBytes = 0;
  let firstLayer = 0;
  function visit(path: string, size: number, layer: number): void {
    const d = data.get(path) ?? { layers: [], cumulative: 0, min: -1 };
    d.cumulative += size;
    if (d.min < 0 || size < d.min) d.min = size;
    d.layers.push(layer);
    data.set(path, d);
  }
  for (const l of layers) {
    const parents = new Set<string>();
    const t = l.files;
    // the ancestors of every path are its directory (without the trailing '/') and that directory's ancestors
    for (const d of t.dirs) {
      if (d.length < 2) continue;
      parents.add(d.slice(0, -1));
      ancestors(d.slice(0, -1), parents);
    }
    for (const w of l.whiteouts) ancestors(w, parents);
    let layerBytes = 0;
    // whiteouts and opaque dirs are sized against the layers below, before this layer applies
    for (const w of l.whiteouts) {
      if (parents.has(w)) continue;
      const size = dirs.has(w) ? sizeUnder(stack, w) : 0;
      visit(w, size, l.index);
      if (size > 0) dirDeletes.add(w);
    }
    for (const o of l.opaqueDirs) {
      const hidden = sizeUnder(stack, o);
      if (hidden === 0) continue;
      visit(`${o}/.wh..wh..opq`, hidden, l.index);
      dirDeletes.add(`${o}/.wh..wh..opq`);
    }
    for (const o of l.opaqueDirs) removeUnder(stack, o, false);
    for (const w of l.whiteouts) {
      if (dirs.has(w)) removeUnder(stack, w, true);
      else stack.delete(w);
    }
    for (let row = 0; row < t.length; row++) {
      const path = t.path(row);
      const type = t.type(row);
      const size = type === 'file' ? t.size(row) : 0;
      layerBytes += size;
      if (type === 'dir') dirs.add(path);
      stack.set(path, size);
      if (path !== '/' && !parents.has(path)) visit(path, size, l.index);
    }
    sizeBytes += layerBytes;
    if (l.index === 0) firstLayer = layerBytes;
  }
  let minSum = 0;
  let cumSum = 0;
  let wastedBytes = 0;
  let reclaimableBytes = 0;
  const entries: WasteEntry[] = [];
  for (const [path, d] of data) {
    minSum += d.min;
    cumSum += d.cumulative;
    if (d.layers.length < 2) {
      if (dirDeletes.has(path)) {
        reclaimableBytes += d.cumulative;
        entries.push({ path, layers: d.layers, cumulative: d.cumulative, reclaimable: d.cumulative, deleted: true });
      }
      continue;
    }
    wastedBytes += d.cumulative;
    const deleted = !stack.has(path);
    const reclaimable = d.cumulative - (deleted ? 0 : (stack.get(path) ?? 0));
    reclaimableBytes += reclaimable;
    entries.push({ path, layers: d.layers, cumulative: d.cumulative, reclaimable, deleted });
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
