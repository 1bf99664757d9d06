/**
 * Hostile and broken inputs: each gets a one-line error naming the file/layer, a documented exit
 * code, no stack trace, and nothing written outside the cache/temp directory.
 */
import assert from 'node:assert/strict';
import { copyFile, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ImageSpec } from '../../src/image/writer.js';
import { debianLikeSpec, makeImage, runCli, tempDir, type CliResult } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

function scan(target: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(['packages', target, '-q', '--cache-dir', join(dir, 'cache'), '--no-cache'], env);
}

function assertOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${r.stderr}`);
  assert.match(lines[0]!, /^bulwark: error: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(r.stdout, '');
}

const tiny = (files: ImageSpec['layers'][0]['files'], compression: 'gzip' | 'none' = 'gzip'): ImageSpec => ({ layers: [{ files, compression }] });

describe('bad input', () => {
  it('missing file -> exit 3', async () => {
    assertOneLineError(await scan(join(dir, 'nope.tar')), 3, /no such file/);
  });

  it('random bytes -> exit 3, not a tar archive', async () => {
    const f = join(dir, 'garbage.tar');
    await writeFile(f, Buffer.alloc(4096, 7));
    assertOneLineError(await scan(f), 3, /garbage\.tar.*not a valid tar archive/);
  });

  it('truncated docker archive -> exit 3, truncated', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'docker-archive' }, 'trunc');
    const { size } = await import('node:fs/promises').then((m) => m.stat(img.path));
    await truncate(img.path, Math.floor(size / 3));
    assertOneLineError(await scan(img.path), 3, /truncated/);
  });

  it('truncated gzipped archive -> exit 3, truncated', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'docker-archive', gzipArchive: true }, 'truncgz');
    const { size } = await import('node:fs/promises').then((m) => m.stat(img.path));
    await truncate(img.path, Math.floor(size / 2));
    assertOneLineError(await scan(img.path), 3, /truncated/);
  });

  it('truncated gzip layer -> exit 3, names the layer', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'trunclayer');
    const blob = join(img.path, 'blobs', 'sha256', img.layers[1]!.digest.slice(7));
    const { size } = await import('node:fs/promises').then((m) => m.stat(blob));
    await truncate(blob, Math.floor(size / 2));
    assertOneLineError(await scan(img.path), 3, /truncated.*in layer 2 \(sha256:/);
  });

  it('layer blob digest mismatch -> exit 3', async () => {
    const a = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'dmA');
    const b = await makeImage(dir, tiny([{ path: 'etc/other', content: 'x' }]), { format: 'oci-layout' }, 'dmB');
    await copyFile(join(b.path, 'blobs', 'sha256', b.layers[0]!.digest.slice(7)), join(a.path, 'blobs', 'sha256', a.layers[0]!.digest.slice(7)));
    assertOneLineError(await scan(a.path), 3, /digest mismatch.*in layer 1/);
  });

  it('diffID mismatch in an uncompressed docker archive layer -> exit 3', async () => {
    const spec = debianLikeSpec();
    const img = await makeImage(dir, spec, { format: 'oci-layout' }, 'diffid');
    // rewrite the config with a wrong diff_id and fix up the manifest so only the diffID is wrong
    const cfg = JSON.parse(img.config.toString());
    cfg.rootfs.diff_ids[0] = `sha256:${'0'.repeat(64)}`;
    const cfgBuf = Buffer.from(JSON.stringify(cfg));
    const { createHash } = await import('node:crypto');
    const h = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    await writeFile(join(img.path, 'blobs', 'sha256', h(cfgBuf)), cfgBuf);
    const man = JSON.parse(img.manifest.toString());
    man.config = { ...man.config, digest: `sha256:${h(cfgBuf)}`, size: cfgBuf.length };
    const manBuf = Buffer.from(JSON.stringify(man));
    await writeFile(join(img.path, 'blobs', 'sha256', h(manBuf)), manBuf);
    await writeFile(join(img.path, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: man.mediaType, digest: `sha256:${h(manBuf)}`, size: manBuf.length }] }));
    assertOneLineError(await scan(img.path), 3, /diffID mismatch.*in layer 1/);
  });

  it('tampered config (digest mismatch) -> exit 3', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'cfg');
    const cfgPath = join(img.path, 'blobs', 'sha256', img.configDigest.slice(7));
    const cfg = JSON.parse(await readFile(cfgPath, 'utf8'));
    cfg.config.User = 'evil';
    await writeFile(cfgPath, JSON.stringify(cfg));
    assertOneLineError(await scan(img.path), 3, /config digest mismatch/);
  });

  it('"../" tar entry -> exit 3, unsafe path, nothing written outside', async () => {
    const img = await makeImage(dir, tiny([{ path: 'x', rawName: '../../../../escape-bulwark', content: 'pwned' }]), { format: 'oci-archive' }, 'dotdot');
    assertOneLineError(await scan(img.path), 3, /escapes the root.*in layer 1/);
    const parent = await readdir(join(dir, '..'));
    assert.equal(parent.includes('escape-bulwark'), false);
  });

  it('absolute tar entry -> exit 3, unsafe path', async () => {
    const img = await makeImage(dir, tiny([{ path: 'x', rawName: '/etc/passwd-bulwark', content: 'root::0:0' }]), { format: 'oci-archive' }, 'abs');
    assertOneLineError(await scan(img.path), 3, /absolute tar entry path.*in layer 1/);
  });

  it('symlink loop on a file Bulwark must read -> exit 3', async () => {
    const img = await makeImage(
      dir,
      tiny([
        { path: 'etc/os-release', type: 'symlink', link: 'loop-a' },
        { path: 'etc/loop-a', type: 'symlink', link: 'loop-b' },
        { path: 'etc/loop-b', type: 'symlink', link: '/etc/loop-a' },
      ]),
      { format: 'oci-layout' },
      'loop',
    );
    assertOneLineError(await scan(img.path), 3, /symlink loop resolving \/etc\/os-release/);
  });

  it('decompression bomb -> exit 3', async () => {
    const img = await makeImage(dir, tiny([{ path: 'zeros', size: 24 * 1024 * 1024, fill: 'zero' }]), { format: 'oci-layout' }, 'bomb');
    const r = await scan(img.path, { BULWARK_RATIO_FLOOR_BYTES: String(4 * 1024 * 1024), BULWARK_MAX_RATIO: '100' });
    assertOneLineError(r, 3, /decompression bomb.*in layer 1/);
  });

  it('malformed index.json -> exit 3', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'badindex');
    await writeFile(join(img.path, 'index.json'), '{"schemaVersion": 2, "manifests": [');
    assertOneLineError(await scan(img.path), 3, /index\.json is not valid JSON/);
  });

  it('manifest of the wrong shape -> exit 3', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'badman');
    const manBuf = Buffer.from(JSON.stringify({ schemaVersion: 2, config: 'nope' }));
    const { createHash } = await import('node:crypto');
    const d = createHash('sha256').update(manBuf).digest('hex');
    await writeFile(join(img.path, 'blobs', 'sha256', d), manBuf);
    await writeFile(join(img.path, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${d}`, size: manBuf.length }] }));
    assertOneLineError(await scan(img.path), 3, /manifest sha256:[0-9a-f]+ is malformed: config/);
  });

  it('malformed docker manifest.json -> exit 3', async () => {
    const { tarDirectory } = await import('../../src/image/writer.js');
    const { mkdir } = await import('node:fs/promises');
    const d = join(dir, 'badsave');
    await mkdir(d);
    await writeFile(join(d, 'manifest.json'), '[{"Config": 5}]');
    await tarDirectory(d, join(dir, 'badsave.tar'));
    assertOneLineError(await scan(join(dir, 'badsave.tar')), 3, /manifest\.json is malformed/);
  });

  it('unknown layer media type -> exit 3', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'mt');
    const man = JSON.parse(img.manifest.toString());
    man.layers[0].mediaType = 'application/x-bulwark-unknown';
    const manBuf = Buffer.from(JSON.stringify(man));
    const { createHash } = await import('node:crypto');
    const d = createHash('sha256').update(manBuf).digest('hex');
    await writeFile(join(img.path, 'blobs', 'sha256', d), manBuf);
    await writeFile(join(img.path, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: man.mediaType, digest: `sha256:${d}`, size: manBuf.length }] }));
    assertOneLineError(await scan(img.path), 3, /unsupported media type "application\/x-bulwark-unknown"/);
  });

  it('leaves no temp files behind after a failure', async () => {
    const entries = await readdir(join(dir, 'cache', 'tmp')).catch(() => []);
    assert.deepEqual(entries, []);
  });
});

describe('bad flags', () => {
  it('unknown format -> exit 2', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'fmt');
    const r = await runCli(['packages', img.path, '-q', '--format', 'xml', '--cache-dir', join(dir, 'cache')]);
    assertOneLineError(r, 2, /unknown format "xml"/);
  });
});

describe('blob digests are verified even when the content is intact', () => {
  it('a re-compressed layer (same content, other bytes) is a blob digest mismatch', async () => {
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'recompressed');
    const blob = join(img.path, 'blobs', 'sha256', img.layers[0]!.digest.slice(7));
    const content = gunzipSync(await readFile(blob));
    await writeFile(blob, gzipSync(content, { level: 1 }));
    assertOneLineError(await scan(img.path), 3, /layer blob digest mismatch.*in layer 1/);
  });
});

/**
 * The digest worker hashes local blobs while the main thread parses them (src/layer/offload). Forced on
 * (it is used only above 8 MiB otherwise), every digest failure must read exactly as without it.
 */
describe('digests computed by the digest worker (BULWARK_LAYER_WORKER=1)', () => {
  const worker = { BULWARK_LAYER_WORKER: '1' };

  it('an intact image gives the same packages with and without the worker', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'docker-archive' }, 'w-ok');
    const withWorker = await runCli(['packages', img.path, '-q', '-f', 'json', '--no-cache', '--cache-dir', join(dir, 'cache')], worker);
    const without = await runCli(['packages', img.path, '-q', '-f', 'json', '--no-cache', '--cache-dir', join(dir, 'cache')], { BULWARK_LAYER_WORKER: '0' });
    assert.equal(withWorker.code, 0, withWorker.stderr);
    assert.equal(withWorker.stdout, without.stdout);
    assert.match(withWorker.stdout, /"curl"/);
  });

  it('a byte changed inside an uncompressed docker-archive layer is a diffID mismatch', async () => {
    const spec = debianLikeSpec();
    spec.layers[0]!.files.push({ path: 'etc/motd', content: 'bulwark-original-content' });
    const img = await makeImage(dir, spec, { format: 'docker-archive' }, 'w-tamper');
    const bytes = await readFile(img.path);
    const at = bytes.indexOf('bulwark-original-content');
    assert.ok(at > 0);
    bytes.write('bulwark-TAMPERED-content', at);
    await writeFile(img.path, bytes);
    assertOneLineError(await scan(img.path, worker), 3, /diffID mismatch.*in layer 1/);
    assertOneLineError(await scan(img.path, { BULWARK_LAYER_WORKER: '0' }), 3, /diffID mismatch.*in layer 1/);
  });

  it('a foreign blob is a blob digest mismatch', async () => {
    const a = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'w-dmA');
    const b = await makeImage(dir, tiny([{ path: 'etc/other', content: 'x' }]), { format: 'oci-layout' }, 'w-dmB');
    await copyFile(join(b.path, 'blobs', 'sha256', b.layers[0]!.digest.slice(7)), join(a.path, 'blobs', 'sha256', a.layers[0]!.digest.slice(7)));
    assertOneLineError(await scan(a.path, worker), 3, /digest mismatch.*in layer 1/);
  });

  it('a re-compressed layer is a blob digest mismatch', async () => {
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-archive' }, 'w-recompressed');
    const layout = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'w-recompressed-dir');
    const blob = join(layout.path, 'blobs', 'sha256', layout.layers[0]!.digest.slice(7));
    await writeFile(blob, gzipSync(gunzipSync(await readFile(blob)), { level: 1 }));
    assertOneLineError(await scan(layout.path, worker), 3, /layer blob digest mismatch.*in layer 1/);
    assert.equal((await scan(img.path, worker)).code, 0);
  });

  it('a truncated gzip layer names the layer', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'w-trunc');
    const blob = join(img.path, 'blobs', 'sha256', img.layers[1]!.digest.slice(7));
    const { size } = await import('node:fs/promises').then((m) => m.stat(blob));
    await truncate(blob, Math.floor(size / 2));
    assertOneLineError(await scan(img.path, worker), 3, /truncated.*in layer 2 \(sha256:/);
  });

  it('a decompression bomb is stopped', async () => {
    const img = await makeImage(dir, tiny([{ path: 'zeros', size: 24 * 1024 * 1024, fill: 'zero' }]), { format: 'oci-layout' }, 'w-bomb');
    const r = await scan(img.path, { ...worker, BULWARK_RATIO_FLOOR_BYTES: String(4 * 1024 * 1024), BULWARK_MAX_RATIO: '100' });
    assertOneLineError(r, 3, /decompression bomb.*in layer 1/);
  });
});
