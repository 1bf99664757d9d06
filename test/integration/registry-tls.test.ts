/** A TLS loopback registry with a self-signed certificate; and images pushed by skopeo. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { scanImage } from '../../src/app/inventory.js';
import { buildImage } from '../../src/image/writer.js';
import { isBulwarkError } from '../../src/shared/errors.js';
import { openRegistryImage, pushImage } from '../../src/source/registry/index.js';
import { debianLikeSpec, makeImage, tempDir } from '../helpers/fixtures.js';
import { REGISTRY_SKIP, startRegistry, type TestRegistry } from '../helpers/registry.js';

const run = promisify(execFile);

describe('TLS registry with a self-signed certificate', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let dir: string;
  let cleanup: () => Promise<void>;
  let ref: string;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    reg = await startRegistry({ tls: true });
    ref = `${reg.host}/secure/debian:12`;
    await pushImage(ref, await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-'))), { insecureSkipVerify: true });
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  it('fails without --insecure, saying why and what to do', async () => {
    await assert.rejects(openRegistryImage(ref, { tmpDir: dir, retries: 0 }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_UNREACHABLE'), String(err));
      assert.match(err.message, new RegExp(`^cannot reach registry ${reg.host} \\(TLS certificate does not verify: .*self-signed.*--insecure`));
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });

  it('works with --insecure', async () => {
    const res = await scanImage(ref, { cacheDir: join(dir, 'cache'), noCache: true, registry: { insecureSkipVerify: true } });
    assert.equal(res.inventory.packages.length, 3);
  });

  it('works when the certificate is trusted through BULWARK_REGISTRY_CA', async () => {
    process.env.BULWARK_REGISTRY_CA = reg.certFile;
    try {
      await (await openRegistryImage(ref, { tmpDir: dir })).close();
    } finally {
      delete process.env.BULWARK_REGISTRY_CA;
    }
  });

  it('says so when --plain-http meets a TLS port', async () => {
    await assert.rejects(openRegistryImage(ref, { tmpDir: dir, plainHttp: true, retries: 0 }), (err) => isBulwarkError(err, 'REGISTRY_ERROR') && /HTTP request to an HTTPS server/.test(err.message));
  });
});

const SKOPEO = '/usr/bin/skopeo';
describe('cross-check: an image pushed by skopeo', { skip: REGISTRY_SKIP || (existsSync(SKOPEO) ? false : `${SKOPEO} is missing: skopeo cross-check skipped`) }, () => {
  let reg: TestRegistry;
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    reg = await startRegistry();
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  it('scans what skopeo copied from an oci-archive like the archive itself', async () => {
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-archive' }, 'skopeo');
    const policy = join(dir, 'policy.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
    await run(SKOPEO, ['--policy', policy, 'copy', '--quiet', '--dest-tls-verify=false', `oci-archive:${img.path}`, `docker://${reg.host}/x:y`], { env: { ...process.env, HOME: dir } });
    const fromReg = await scanImage(`${reg.host}/x:y`, { cacheDir: join(dir, 'cache'), noCache: true, registry: { plainHttp: true } });
    const fromDisk = await scanImage(img.path, { cacheDir: join(dir, 'cache'), noCache: true });
    const pick = (i: typeof fromReg.inventory) => ({ os: i.os, pkgs: i.packages.map((p) => p.purl), diffIds: i.layers.map((l) => l.diffId) });
    assert.deepEqual(pick(fromReg.inventory), pick(fromDisk.inventory));
    assert.equal(fromReg.inventory.packages.length, 3);
  });
});
