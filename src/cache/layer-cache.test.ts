import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { FileTable } from '../layer/file-table.js';
import type { FileEntry, LayerAnalysis, LayerAnalyzer } from '../layer/types.js';
import { analyzersKey, getCachedLayer, putCachedLayer } from './layer-cache.js';

const diffId = `sha256:${'ab'.repeat(32)}`;
const key = analyzersKey([{ name: 'x', version: 1 } as LayerAnalyzer]);

function sample(n: number): LayerAnalysis {
  const files: FileEntry[] = [
    { path: '/', type: 'dir', mode: 0o755, size: 0, uid: 0, gid: 0 },
    { path: '/usr/bin/sh', type: 'symlink', mode: 0o777, size: 0, uid: 0, gid: 0, link: 'dash' },
    { path: '/home/ü/日本語 😀.txt', type: 'file', mode: 0o600, size: 2 ** 40, uid: 1000, gid: 1000 },
    { path: '/odd', type: 'other', mode: 0o644, size: 0, uid: -1, gid: 2 ** 33 },
  ];
  for (let i = 0; i < n; i++) files.push({ path: `/usr/share/d${i % 97}/file-${i}`, type: i % 11 ? 'file' : 'dir', mode: 0o644, size: i % 11 ? i : 0, uid: i % 3, gid: 0 });
  return {
    index: 2,
    diffId,
    digest: 'sha256:blob',
    size: 123456,
    files: FileTable.from(files),
    whiteouts: ['/gone'],
    opaqueDirs: ['/var/cache'],
    outputs: [{ analyzer: 'x', path: '/etc/os-release', data: { text: 'ID=debian\n' } }],
    warnings: ['a warning'],
  };
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulwark-layer-cache-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('layer cache (format 3)', () => {
  it('gives back the analysis and its file table exactly, keys in the walker order', async () => {
    const a = sample(20_000);
    await putCachedLayer(dir, key, a);
    const b = await getCachedLayer(dir, diffId, key);
    assert.ok(b);
    assert.deepEqual(Object.keys(b), Object.keys(a));
    assert.deepEqual([...b.files], [...a.files]);
    const { files: _fa, ...ra } = a;
    const { files: _fb, ...rb } = b;
    assert.deepEqual(rb, ra);
    assert.equal(b.files.path(2), '/home/ü/日本語 😀.txt');
    assert.equal(b.files.gid(3), 2 ** 33);
  });

  it('an empty file list round-trips', async () => {
    const a = { ...sample(0), files: new FileTable() };
    const d = await mkdtemp(join(dir, 'empty-'));
    await putCachedLayer(d, key, a);
    assert.equal((await getCachedLayer(d, diffId, key))!.files.length, 0);
  });

  it('a truncated, padded or foreign entry is a miss, not an error', async () => {
    const d = await mkdtemp(join(dir, 'bad-'));
    await putCachedLayer(d, key, sample(5000));
    const [name] = await readdir(d);
    const file = join(d, name!);
    const raw = gunzipSync(await readFile(file));
    for (const bad of [raw.subarray(0, raw.length - 7), Buffer.concat([raw, Buffer.from([1])]), Buffer.from('{"index":0}\n'), Buffer.alloc(0)]) {
      await writeFile(file, gzipSync(bad));
      assert.equal(await getCachedLayer(d, diffId, key), undefined);
    }
    assert.equal(await getCachedLayer(d, `sha256:${'cd'.repeat(32)}`, key), undefined, 'missing');
  });
});
