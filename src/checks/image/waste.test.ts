import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng, randomLayer, type RandomLayer } from '../../image/__fixtures__/random-layers.js';
import { FileTable } from '../../layer/file-table.js';
import { imageEfficiency, type ImageEfficiency, type WasteEntry } from './waste.js';

type RefLayer = RandomLayer & { index: number };

// The Map-of-path-strings implementation this file's typed-array one replaced, kept as the reference.
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

function referenceEfficiency(layers: RefLayer[]): ImageEfficiency {
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
    for (const f of l.files) ancestors(f.path, parents);
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
    for (const f of l.files) {
      const size = f.type === 'file' ? f.size : 0;
      layerBytes += size;
      if (f.type === 'dir') dirs.add(f.path);
      stack.set(f.path, size);
      if (f.path !== '/' && !parents.has(f.path)) visit(f.path, size, l.index);
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

describe('imageEfficiency', () => {
  it('gives the same figures and entries as the Map-based reference on 3000 random layer stacks', () => {
    const r = prng(0xd1e);
    let listed = 0;
    for (let run = 0; run < 3000; run++) {
      const stack: RefLayer[] = Array.from({ length: 1 + r(5) }, (_, index) => ({ index, ...randomLayer(r) }));
      const want = referenceEfficiency(stack);
      const got = imageEfficiency(stack.map((l) => ({ index: l.index, diffId: '', size: 0, files: FileTable.from(l.files), whiteouts: l.whiteouts, opaqueDirs: l.opaqueDirs })));
      assert.deepEqual(got, want, `run ${run}`);
      listed += want.entries.length;
    }
    assert.ok(listed > 3000, 'the stacks do produce wasted and deleted entries');
  });
});
