/** `bulwark files`: the listing is streamed, reads like JSON.stringify of the whole document, scales to big images. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ScanResult } from '../app/inventory.js';
import { scanImage } from '../app/inventory.js';
import { debianLikeSpec, makeImage, repoRoot, runCli, tempDir } from '../../test/helpers/fixtures.js';
import { filesJson, filesTable } from './files-list.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

/** A scan result with n files in one layer, without building an image. */
function fakeScan(n: number): ScanResult {
  const files = new Map<string, { entry: { path: string; type: 'file'; mode: number; size: number; uid: number; gid: number }; layer: number }>();
  for (let i = n - 1; i >= 0; i--) {
    const path = `/data/d${i % 97}/f${i}`;
    files.set(path, { entry: { path, type: 'file', mode: 0o100644, size: i, uid: 0, gid: 0 }, layer: 0 });
  }
  return {
    inventory: { target: { kind: 'oci-layout', reference: 'fake', repoTags: [], repoDigests: [] }, layers: [{ index: 0, diffId: 'sha256:x', size: 1, createdBy: 'ADD x /', cached: false }] },
    squashed: { files },
  } as unknown as ScanResult;
}

/** Runs the CLI like `bulwark … | head -c 1`: the reader closes the pipe after the first chunk. */
async function readFirstChunkThenClose(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'bulwark.js'), ...args, '-q', '--cache-dir', join(dir, 'cache')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { code, stderr };
}

describe('files listing', () => {
  it('JSON is exactly the pretty-printed document, paths sorted, layers and links kept', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'files-small');
    const res = await scanImage(img.path, { cacheDir: join(dir, 'cache') });
    const text = [...filesJson(res)].join('');
    const doc = JSON.parse(text);
    assert.equal(`${JSON.stringify(doc, null, 2)}\n`, text);
    const paths = doc.files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.ok(!paths.includes('/usr/bin/tool'), 'whited-out file is gone');
    const list = doc.files.find((f: { path: string }) => f.path === '/var/lib/dpkg/info/curl.list');
    assert.deepEqual([list.layer, list.createdBy], [1, 'RUN apt-get install -y curl']);
    assert.equal(doc.files.find((f: { path: string }) => f.path === '/etc/os-release').link, '../usr/lib/os-release');
  });

  it('an empty filesystem still gives the whole document', () => {
    const text = [...filesJson(fakeScan(0))].join('');
    assert.deepEqual(JSON.parse(text).files, []);
    assert.equal(`${JSON.stringify(JSON.parse(text), null, 2)}\n`, text);
  });

  it('300k paths: table and JSON are written in pieces, without one giant string or argument list', () => {
    const res = fakeScan(300_000);
    const table = [...filesTable(res)];
    assert.ok(table.length > 100, `${table.length} pieces`);
    const lines = table.join('').split('\n');
    assert.equal(lines.length, 300_000 + 3);
    assert.match(lines[0]!, /^PATH\s+TYPE\s+MODE\s+SIZE\s+LAYER\s+CREATED BY$/);
    const json = [...filesJson(res)];
    assert.ok(json.length > 100);
    assert.equal(JSON.parse(json.join('')).files.length, 300_000);
  });

  it('a reader that stops early (| head) ends the output quietly', async () => {
    const spec = debianLikeSpec();
    for (let i = 0; i < 4000; i++) spec.layers[0]!.files.push({ path: `srv/data/file-${i}.txt`, content: 'x' });
    const img = await makeImage(dir, spec, { format: 'oci-layout' }, 'files-many');
    assert.deepEqual(await readFirstChunkThenClose(['files', img.path]), { code: 0, stderr: '' });
  });

  it('other commands too: `bulwark packages … | head` ends quietly', async () => {
    const spec = debianLikeSpec();
    for (let i = 0; i < 3000; i++) spec.layers[0]!.files.push({ path: `usr/lib/node_modules/p${i}/package.json`, content: JSON.stringify({ name: `p${i}`, version: '1.0.0' }) });
    const img = await makeImage(dir, spec, { format: 'oci-layout' }, 'packages-many');
    assert.deepEqual(await readFirstChunkThenClose(['packages', img.path]), { code: 0, stderr: '' });
  });

  it('the CLI writes the same JSON to a file and to stdout', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'docker-archive' }, 'files-cli');
    const out = join(dir, 'files.json');
    const toFile = await runCli(['files', img.path, '-q', '-f', 'json', '-o', out, '--cache-dir', join(dir, 'cache')]);
    const toStdout = await runCli(['files', img.path, '-q', '-f', 'json', '--cache-dir', join(dir, 'cache')]);
    assert.equal(toFile.code, 0, toFile.stderr);
    const { readFile } = await import('node:fs/promises');
    assert.equal(await readFile(out, 'utf8'), toStdout.stdout);
    assert.ok(JSON.parse(toStdout.stdout).files.length > 5);
  });
});
