/**
 * Applies layers in order (whiteouts and opaque dirs remove lower content) to get the final filesystem,
 * then keeps only analyzer outputs whose file survives in the layer that wrote it.
 */
import { posix } from 'node:path';
import { BulwarkError } from '../shared/errors.js';
import { resolveLinkTarget } from '../layer/paths.js';
import type { AnalyzerOutput, FileEntry, LayerAnalysis } from '../layer/types.js';

export interface FinalEntry {
  entry: FileEntry;
  layer: number;
}

export interface SquashedImage {
  /** the final filesystem: path -> entry and the layer that wrote it (read-only view) */
  files: ReadonlyMap<string, FinalEntry>;
  /** outputs whose file is in the final filesystem, in layer order */
  outputs: (AnalyzerOutput & { layer: number })[];
  /** every layer's outputs keyed analyzer\0path, for layer attribution */
  history: Map<string, { layer: number; data: unknown }[]>;
}

/**
 * The final filesystem as a read-only Map of path -> FinalEntry without one wrapper object per path:
 * each path maps to a small integer (the entry's position in all layers' file lists, concatenated), and
 * `{ entry, layer }` is made on access. The FileEntry objects are those of the layers' file lists.
 * Saves ~40 B per file (11 MiB on a 300k-file image) and as many allocations.
 */
class FinalFiles implements ReadonlyMap<string, FinalEntry> {
  /** first global position of each layer, ascending */
  private readonly starts: number[];
  constructor(
    private readonly index: Map<string, number>,
    private readonly layerFiles: FileEntry[][],
  ) {
    this.starts = [];
    let n = 0;
    for (const f of layerFiles) {
      this.starts.push(n);
      n += f.length;
    }
  }
  private layerOf(pos: number): number {
    const s = this.starts;
    let layer = s.length - 1;
    while (layer > 0 && s[layer]! > pos) layer--;
    return layer;
  }
  private at(pos: number): FinalEntry {
    const layer = this.layerOf(pos);
    return { entry: this.layerFiles[layer]![pos - this.starts[layer]!]!, layer };
  }
  /** the entry at a global position (used while squashing) */
  entryAt(pos: number): FileEntry {
    const layer = this.layerOf(pos);
    return this.layerFiles[layer]![pos - this.starts[layer]!]!;
  }
  get size(): number {
    return this.index.size;
  }
  get(path: string): FinalEntry | undefined {
    const pos = this.index.get(path);
    return pos === undefined ? undefined : this.at(pos);
  }
  has(path: string): boolean {
    return this.index.has(path);
  }
  keys(): MapIterator<string> {
    return this.index.keys();
  }
  *values(): MapIterator<FinalEntry> {
    for (const pos of this.index.values()) yield this.at(pos);
  }
  *entries(): MapIterator<[string, FinalEntry]> {
    for (const [path, pos] of this.index) yield [path, this.at(pos)];
  }
  [Symbol.iterator](): MapIterator<[string, FinalEntry]> {
    return this.entries();
  }
  forEach(fn: (value: FinalEntry, key: string, map: ReadonlyMap<string, FinalEntry>) => void, thisArg?: unknown): void {
    for (const [path, pos] of this.index) fn.call(thisArg, this.at(pos), path, this);
  }
}

function removeUnder(files: Map<string, number>, dir: string, includeSelf: boolean): void {
  if (includeSelf) files.delete(dir);
  const prefix = dir === '/' ? '/' : dir + '/';
  for (const p of files.keys()) if (p.startsWith(prefix)) files.delete(p);
}

/**
 * Applies one layer's opaque dirs and whiteouts to the lower layers in a single pass over the files
 * (each path's ancestors are looked up in sets), instead of one full pass per whiteout: a layer that
 * deletes thousands of files over a 300k-file image stays linear.
 */
function removeMarked(files: Map<string, number>, opaqueDirs: string[], whiteouts: string[]): void {
  if (opaqueDirs.length + whiteouts.length <= 2) {
    for (const d of opaqueDirs) removeUnder(files, d, false);
    for (const w of whiteouts) removeUnder(files, w, true);
    return;
  }
  if (opaqueDirs.includes('/') || whiteouts.includes('/')) {
    files.clear();
    return;
  }
  const gone = new Set(whiteouts); // the path itself and everything under it
  const under = new Set(opaqueDirs); // only what is under it
  for (const p of files.keys()) {
    if (gone.has(p)) {
      files.delete(p);
      continue;
    }
    for (let j = p.lastIndexOf('/'); j > 0; j = p.lastIndexOf('/', j - 1)) {
      const a = p.slice(0, j);
      if (gone.has(a) || under.has(a)) {
        files.delete(p);
        break;
      }
    }
  }
}

export function squash(layers: LayerAnalysis[]): SquashedImage {
  const index = new Map<string, number>(); // path -> global position (see FinalFiles)
  const history = new Map<string, { layer: number; data: unknown }[]>();
  const layerFiles = layers.map((l) => l.files);
  const files = new FinalFiles(index, layerFiles);
  let base = 0;
  for (const [i, l] of layers.entries()) {
    removeMarked(index, l.opaqueDirs, l.whiteouts);
    const lf = l.files;
    for (let k = 0; k < lf.length; k++) {
      const e = lf[k]!;
      const prev = index.get(e.path);
      // a non-directory replacing a directory hides what was under it
      if (prev !== undefined && e.type !== 'dir' && files.entryAt(prev).type === 'dir') removeUnder(index, e.path, false);
      index.set(e.path, base + k);
    }
    base += lf.length;
    for (const o of l.outputs) {
      const k = `${o.analyzer}\0${o.path}`;
      const h = history.get(k);
      if (h) h.push({ layer: i, data: o.data });
      else history.set(k, [{ layer: i, data: o.data }]);
    }
  }
  const outputs: SquashedImage['outputs'] = [];
  for (const [i, l] of layers.entries()) {
    for (const o of l.outputs) {
      if (files.get(o.path)?.layer === i) outputs.push({ ...o, layer: i });
    }
  }
  return { files, outputs, history };
}

const MAX_HOPS = 40;

/** Follows symlinks (in every path component) inside the final filesystem. Throws SYMLINK_LOOP. */
export function resolvePath(files: ReadonlyMap<string, FinalEntry>, path: string): string {
  let current = path;
  let hops = 0;
  outer: for (;;) {
    const parts = current.split('/').filter(Boolean);
    let prefix = '';
    for (let i = 0; i < parts.length; i++) {
      prefix += '/' + parts[i];
      const fe = files.get(prefix);
      if (fe?.entry.type === 'symlink' && fe.entry.link !== undefined) {
        if (++hops > MAX_HOPS) {
          throw new BulwarkError('SYMLINK_LOOP', `symlink loop resolving ${path} (at ${prefix}, layer ${fe.layer + 1})`);
        }
        const target = resolveLinkTarget(prefix, fe.entry.link);
        const rest = parts.slice(i + 1).join('/');
        current = rest ? posix.join(target, rest) : target;
        continue outer;
      }
    }
    return current;
  }
}

