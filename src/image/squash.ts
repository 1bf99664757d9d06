/**
 * Applies layers in order (whiteouts and opaque dirs remove lower content) to get the final filesystem,
 * then keeps only analyzer outputs whose file survives in the layer that wrote it.
 */
import { posix } from 'node:path';
import { BulwarkError } from '../shared/errors.js';
import { resolveLinkTarget } from '../layer/paths.js';
import type { AnalyzerOutput, LayerAnalysis } from '../layer/types.js';
import { FinalFiles, type FinalEntry } from './final-files.js';

export type { FinalEntry } from './final-files.js';

export interface SquashedImage {
  /** the final filesystem: path -> entry and the layer that wrote it (read-only view) */
  files: ReadonlyMap<string, FinalEntry>;
  /** outputs whose file is in the final filesystem, in layer order */
  outputs: (AnalyzerOutput & { layer: number })[];
  /** every layer's outputs keyed analyzer\0path, for layer attribution */
  history: Map<string, { layer: number; data: unknown }[]>;
}

/**
 * Applies the layers in order. Per layer: its opaque dirs and whiteouts remove lower content (one pass
 * over the final paths however many there are), then each of its rows becomes the final entry of its
 * path; a non-directory replacing a directory hides what was under it.
 */
export function squash(layers: LayerAnalysis[]): SquashedImage & { files: FinalFiles } {
  const history = new Map<string, { layer: number; data: unknown }[]>();
  const files = new FinalFiles(layers.map((l) => l.files));
  for (const [i, l] of layers.entries()) {
    files.deletePaths(l.whiteouts);
    files.deleteUnder([...l.opaqueDirs, ...l.whiteouts]);
    const t = l.files;
    for (let row = 0; row < t.length; row++) {
      if (files.setRow(i, row) && !t.isDir(row)) {
        files.deleteUnder([t.path(row)]);
        files.setRow(i, row); // a file over "/" removed itself too: written again, as a Map delete + set would
      }
    }
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
      if (files.locate(o.path)?.layer === i) outputs.push({ ...o, layer: i });
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

