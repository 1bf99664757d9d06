import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTable } from '../layer/file-table.js';
import type { AnalyzerOutput, EntryType, FileEntry, LayerAnalysis } from '../layer/types.js';
import { DIRS, NAMES, prng, randomLayer } from './__fixtures__/random-layers.js';
import { resolvePath, squash, type FinalEntry } from './squash.js';

/** The squash as a plain Map of path -> { entry, layer }, written the obvious way: the reference. */
function referenceSquash(layers: { files: FileEntry[]; whiteouts: string[]; opaqueDirs: string[] }[]): Map<string, FinalEntry> {
  const m = new Map<string, FinalEntry>();
  const removeUnder = (dir: string, self: boolean): void => {
    if (self) m.delete(dir);
    const prefix = dir === '/' ? '/' : dir + '/';
    for (const p of [...m.keys()]) if (p.startsWith(prefix)) m.delete(p);
  };
  for (const [layer, l] of layers.entries()) {
    for (const d of l.opaqueDirs) removeUnder(d, false);
    for (const w of l.whiteouts) removeUnder(w, true);
    for (const e of l.files) {
      const prev = m.get(e.path);
      if (prev && prev.entry.type === 'dir' && e.type !== 'dir') removeUnder(e.path, false);
      m.set(e.path, { entry: e, layer });
    }
  }
  return m;
}

function analysis(index: number, l: { files: FileEntry[]; whiteouts: string[]; opaqueDirs: string[] }, outputs: AnalyzerOutput[] = []): LayerAnalysis {
  return { index, diffId: `sha256:${index}`, size: 0, files: FileTable.from(l.files), whiteouts: l.whiteouts, opaqueDirs: l.opaqueDirs, outputs, warnings: [] };
}

describe('squash', () => {
  it('gives the same final filesystem as the plain Map reference, in the same order, on 3000 random layer stacks', () => {
    const r = prng(0x5eed);
    const probes = ['/', '/nope', '/a/nope', '/zz/a', ...DIRS, ...DIRS.flatMap((d) => NAMES.map((n) => `${d}/${n}`)), ...NAMES.map((n) => `/${n}`)];
    for (let run = 0; run < 3000; run++) {
      const stack = Array.from({ length: 1 + r(5) }, () => randomLayer(r));
      const want = referenceSquash(stack);
      const got = squash(stack.map((l, i) => analysis(i, l))).files;
      assert.deepEqual([...got], [...want], `run ${run}`);
      assert.equal(got.size, want.size);
      for (const p of probes) {
        assert.equal(got.has(p), want.has(p), `run ${run} has ${p}`);
        assert.deepEqual(got.get(p), want.get(p), `run ${run} get ${p}`);
      }
      for (const d of ['/', ...DIRS]) {
        const prefix = d === '/' ? '/' : `${d}/`;
        assert.equal(got.hasUnder(d), [...want.keys()].some((p) => p.startsWith(prefix)), `run ${run} hasUnder ${d}`);
      }
    }
  });

  it('whiteouts, opaque dirs and a file over a directory remove what they hide', () => {
    const f = (path: string, type: EntryType = 'file'): FileEntry => ({ path, type, mode: 0o644, size: 1, uid: 0, gid: 0 });
    const layers = [
      analysis(0, { files: [f('/etc', 'dir'), f('/etc/a'), f('/etc/b'), f('/opt', 'dir'), f('/opt/x/y'), f('/opt/keep'), f('/var/cache/app/1'), f('/lib/m/n')], whiteouts: [], opaqueDirs: [] }),
      analysis(1, { files: [f('/var/cache/app/2'), f('/etc', 'symlink')], whiteouts: ['/opt/x', '/etc/b', '/not/there'], opaqueDirs: ['/var/cache/app'] }),
    ];
    const { files } = squash(layers);
    assert.deepEqual([...files.keys()].sort(), ['/etc', '/lib/m/n', '/opt', '/opt/keep', '/var/cache/app/2']);
    assert.equal(files.get('/etc')!.entry.type, 'symlink');
    assert.equal(files.get('/etc')!.layer, 1);
    assert.equal(files.get('/opt/keep')!.layer, 0);
    assert.equal(files.has('/opt/x/y'), false);
    assert.deepEqual(['/opt', '/opt/x', '/etc', '/var/cache/app', '/lib', '/li', '/'].map((d) => files.hasUnder(d)), [true, false, false, true, true, false, true]);
  });

  it('looks paths up, iterates like a Map, and keeps outputs only for surviving files', () => {
    const f = (path: string, size = 1): FileEntry => ({ path, type: 'file', mode: 0o644, size, uid: 0, gid: 0 });
    const out = (path: string): AnalyzerOutput => ({ analyzer: 'a', path, data: path });
    const layers = [
      analysis(0, { files: [f('/b'), f('/a'), f('/c'), f('/bin/x')], whiteouts: [], opaqueDirs: [] }, [out('/a'), out('/b'), out('/c')]),
      analysis(1, { files: [f('/a', 2), f('/d'), { path: '/bin/sh', type: 'symlink', mode: 0o777, size: 0, uid: 0, gid: 0, link: 'x' }], whiteouts: ['/b'], opaqueDirs: [] }, [out('/a')]),
      analysis(2, { files: [f('/b', 3)], whiteouts: [], opaqueDirs: [] }),
    ];
    const sq = squash(layers);
    const files = sq.files;
    // Map order: first insertion since the last deletion (/b was whited out, then written again)
    assert.deepEqual([...files.keys()], ['/a', '/c', '/bin/x', '/d', '/bin/sh', '/b']);
    assert.deepEqual([...files.values()].map((v) => v.layer), [1, 0, 0, 1, 1, 2]);
    assert.deepEqual(files.get('/a'), { entry: f('/a', 2), layer: 1 });
    assert.equal(files.get('/b/'), undefined);
    assert.equal(files.get('a'), undefined);
    assert.equal(files.size, 6);
    const seen: string[] = [];
    files.forEach((v, k) => seen.push(`${k}@${v.layer}`));
    assert.deepEqual(seen, ['/a@1', '/c@0', '/bin/x@0', '/d@1', '/bin/sh@1', '/b@2']);
    assert.deepEqual(sq.outputs.map((o) => `${o.path}@${o.layer}`), ['/c@0', '/a@1']);
    assert.deepEqual(sq.history.get('a\0/a')!.map((h) => h.layer), [0, 1]);
    assert.equal(resolvePath(files, '/bin/sh'), '/bin/x');
  });

  it('squashes 300k files across layers in well under a second, whiteouts included', () => {
    const mk = (n: number, tag: string): FileTable => {
      const t = new FileTable();
      for (let i = 0; i < n; i++) t.add(`/usr/share/${tag}/d${i % 500}/s${i % 37}/file-${i}.txt`, 'file', 0o644, i, 0, 0);
      return t.trim();
    };
    const layers: LayerAnalysis[] = ['a', 'b', 'a'].map((tag, i) => ({ index: i, diffId: '', size: 0, files: mk(100_000, tag), whiteouts: i === 2 ? Array.from({ length: 5000 }, (_, k) => `/usr/share/b/d${k % 500}/s${k % 37}`) : [], opaqueDirs: [], outputs: [], warnings: [] }));
    const t0 = performance.now();
    const { files } = squash(layers);
    const ms = performance.now() - t0;
    assert.ok(files.size > 100_000 && files.size < 200_000, String(files.size));
    assert.ok(ms < 3000, `${ms} ms`);
  });
});
