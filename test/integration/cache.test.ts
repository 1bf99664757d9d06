/** The layer cache: a second scan reads no layer; concurrent scans neither corrupt nor block each other. */
import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../src/app/inventory.js';
import type { LayerRef } from '../../src/source/types.js';
import { debianLikeSpec, makeImage, runCli, tempDir } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

describe('layer cache', () => {
  it('a second scan opens no layer blob and gives the same inventory', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'c1');
    const cacheDir = join(dir, 'cache1');
    const first = await scanImage(img.path, { cacheDir });
    assert.deepEqual(first.inventory.layers.map((l) => l.cached), [false, false]);
    // make every layer blob unreadable: the second scan must not need them
    const { openSource } = await import('../../src/source/resolve.js');
    const src = await openSource(img.path, { tmpDir: dir });
    for (const l of src.layers as LayerRef[]) await writeFile(join(img.path, 'blobs', 'sha256', l.digest!.slice(7)), 'garbage');
    await src.close();
    const second = await scanImage(img.path, { cacheDir });
    assert.deepEqual(second.inventory.layers.map((l) => l.cached), [true, true]);
    assert.deepEqual(second.inventory.packages, first.inventory.packages);
    assert.deepEqual(second.inventory.os, first.inventory.os);
  });

  it('an inventory reuses the layers a full scan cached; a full scan does not take an inventory entry', async () => {
    const { scanAnalyzers } = await import('../../src/app/analyzers.js');
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'c-super');
    const full = join(dir, 'cache-super-full');
    await scanImage(img.path, { cacheDir: full, extraAnalyzers: scanAnalyzers(true) });
    const inv = await scanImage(img.path, { cacheDir: full, cacheSupersets: [scanAnalyzers(true)] });
    assert.deepEqual(inv.inventory.layers.map((l) => l.cached), [true, true]);
    assert.equal(inv.inventory.packages.length, 3);
    const lean = join(dir, 'cache-super-lean');
    await scanImage(img.path, { cacheDir: lean, cacheSupersets: [scanAnalyzers(true)] });
    const scan = await scanImage(img.path, { cacheDir: lean, extraAnalyzers: scanAnalyzers(true) });
    assert.deepEqual(scan.inventory.layers.map((l) => l.cached), [false, false], 'secrets were never scanned: the layers are walked');
  });

  it('a damaged cache entry is recomputed, not trusted', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'c2');
    const cacheDir = join(dir, 'cache2');
    await scanImage(img.path, { cacheDir });
    for (const f of await readdir(join(cacheDir, 'layers'))) await writeFile(join(cacheDir, 'layers', f), 'not gzip');
    const again = await scanImage(img.path, { cacheDir });
    assert.deepEqual(again.inventory.layers.map((l) => l.cached), [false, false]);
    assert.equal(again.inventory.packages.length, 3);
  });

  it('concurrent CLI scans sharing a cache all succeed with identical output', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-archive' }, 'c3');
    const cacheDir = join(dir, 'cache3');
    const runs = await Promise.all(Array.from({ length: 4 }, () => runCli(['packages', img.path, '-q', '--format', 'json', '--cache-dir', cacheDir])));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const outputs = new Set(runs.map((r) => r.stdout));
    assert.equal(outputs.size, 1);
    const files = await readdir(join(cacheDir, 'layers'));
    assert.equal(files.filter((f) => f.endsWith('.tmp')).length, 0, 'no temp files left in the cache');
    assert.equal(files.length, 2);
    assert.deepEqual(await readdir(join(cacheDir, 'tmp')), [], 'per-process temp dirs removed');
  });

  it('cache clean removes layer results and image inventories', async () => {
    const cacheDir = join(dir, 'cache3');
    assert.ok((await readdir(cacheDir)).includes('inventories'), 'the concurrent runs stored an image inventory');
    const r = await runCli(['cache', 'clean', '--cache-dir', cacheDir]);
    assert.equal(r.code, 0);
    const left = await readdir(cacheDir);
    assert.equal(left.includes('layers'), false);
    assert.equal(left.includes('inventories'), false);
  });

  it('a warm sbom/packages run takes the image inventory whole; damaged or missing entries are recomputed', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'c-inv');
    const cacheDir = join(dir, 'cache-inv');
    const args = ['packages', img.path, '-q', '--format', 'json', '--cache-dir', cacheDir];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.stderr);
    const [entry] = await readdir(join(cacheDir, 'inventories'));
    assert.ok(entry?.endsWith('.json.gz'));
    // without layer entries, the run can only have come from the image inventory
    await rm(join(cacheDir, 'layers'), { recursive: true });
    const second = await runCli(args);
    assert.equal(second.code, 0, second.stderr);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(second.stdout);
    assert.deepEqual(b.packages, a.packages);
    assert.deepEqual(await readdir(join(cacheDir, 'layers')), [], 'no layer was walked');
    // a damaged entry is not trusted: the layers are walked again and the same inventory comes out
    await writeFile(join(cacheDir, 'inventories', entry!), 'not gzip');
    const third = await runCli(args);
    assert.equal(third.code, 0, third.stderr);
    assert.deepEqual(JSON.parse(third.stdout).packages, a.packages);
    assert.equal((await readdir(join(cacheDir, 'layers'))).length, 2);
    // --no-cache reads and writes nothing
    const fresh = join(dir, 'cache-inv-none');
    assert.equal((await runCli(['packages', img.path, '-q', '--no-cache', '--cache-dir', fresh])).code, 0);
    assert.equal((await readdir(fresh).catch((): string[] => [])).includes('inventories'), false);
  });
});
