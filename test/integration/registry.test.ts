/** Scanning from a real loopback registry gives the same inventory as scanning the same image on disk. */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanImage, type Inventory } from '../../src/app/inventory.js';
import { buildImage } from '../../src/image/writer.js';
import { isBulwarkError } from '../../src/shared/errors.js';
import { openRegistryImage, pushImage, pushIndex, resolveDigest, RegistryClient } from '../../src/source/registry/index.js';
import { debianLikeSpec, makeImage, tempDir } from '../helpers/fixtures.js';
import { freePort, REGISTRY_SKIP, startRegistry, type TestRegistry } from '../helpers/registry.js';

const plain = { plainHttp: true, retries: 0 };

function summary(inv: Inventory): unknown {
  return {
    os: inv.os,
    packages: inv.packages.map((p) => ({ name: p.name, version: p.version, purl: p.purl, layer: p.locations[0]?.layerIndex })),
    diffIds: inv.layers.map((l) => l.diffId),
    digests: inv.layers.map((l) => l.digest),
    createdBy: inv.layers.map((l) => l.createdBy),
  };
}

function alpineLikeSpec(arch: string, version: string) {
  return {
    architecture: arch,
    ...(arch === 'arm64' ? { variant: 'v8' } : {}),
    layers: [
      {
        files: [
          { path: 'etc/os-release', content: `ID=alpine\nVERSION_ID=${version}\nNAME="Alpine Linux"\n` },
          { path: 'etc/alpine-release', content: `${version}\n` },
          { path: 'lib/apk/db/installed', content: `P:musl\nV:1.2.4-r2\nA:${arch === 'arm64' ? 'aarch64' : 'x86_64'}\n\n` },
        ],
      },
    ],
  };
}

describe('registry source (docker-registry on loopback)', { skip: REGISTRY_SKIP }, () => {
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

  it('scans a pushed image exactly like the same image in an OCI layout', async () => {
    const built = await buildImage(debianLikeSpec(), dir);
    const pushed = await pushImage(`${reg.host}/team/debian:12`, built, plain);
    const layout = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'deb');
    assert.equal(pushed.digest, layout.manifestDigest, 'the writer is deterministic, so digests agree');

    const fromReg = await scanImage(`${reg.host}/team/debian:12`, { cacheDir: join(dir, 'cache'), noCache: true, registry: plain });
    const fromDisk = await scanImage(layout.path, { cacheDir: join(dir, 'cache'), noCache: true });
    assert.deepEqual(summary(fromReg.inventory), summary(fromDisk.inventory));
    assert.equal(fromReg.inventory.os?.family, 'debian');
    assert.equal(fromReg.inventory.packages.length, 3);
    const t = fromReg.inventory.target;
    assert.equal(t.kind, 'registry');
    assert.equal(t.name, `${reg.host}/team/debian:12`);
    assert.deepEqual(t.repoTags, [`${reg.host}/team/debian:12`]);
    assert.deepEqual(t.repoDigests, [`${reg.host}/team/debian@${pushed.digest}`]);
    assert.equal(t.manifestDigest, pushed.digest);
  });

  it('opens an image by digest, and by tag plus digest', async () => {
    const built = await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'bydigest-')));
    const { digest } = await pushImage(`${reg.host}/bydigest:v1`, built, plain);
    const client = new RegistryClient(reg.host, plain);
    const resolved = await resolveDigest(client, 'bydigest', 'v1');
    client.close();
    assert.equal(resolved.digest, digest);
    for (const ref of [`${reg.host}/bydigest@${digest}`, `${reg.host}/bydigest:v1@${digest}`]) {
      const src = await openRegistryImage(ref, { ...plain, tmpDir: dir });
      assert.equal(src.manifestDigest, digest);
      assert.equal(src.layers.length, 2);
      await src.close();
    }
  });

  it('uploads in chunks and skips blobs the registry already has', async () => {
    const spec = { layers: [{ files: [{ path: 'big.bin', size: 300_000 }] }] };
    const built = await buildImage(spec, await mkdtemp(join(dir, 'chunked-')));
    await pushImage(`${reg.host}/chunked:1`, built, { ...plain, chunkSize: 64 * 1024 });
    await pushImage(`${reg.host}/chunked:2`, built, plain);
    const src = await openRegistryImage(`${reg.host}/chunked:1`, { ...plain, tmpDir: dir });
    let n = 0;
    for await (const c of await src.layers[0]!.open()) n += (c as Buffer).length;
    assert.equal(n, built.layers[0]!.size);
    await src.close();
  });

  it('picks the requested platform from a multi-arch index, and lists platforms when none matches', async () => {
    // buildImage names its layer files layer-N: one scratch dir per image
    const amd = await buildImage(alpineLikeSpec('amd64', '3.19.1'), await mkdtemp(join(dir, 'amd-')));
    const arm = await buildImage(alpineLikeSpec('arm64', '3.19.2'), await mkdtemp(join(dir, 'arm-')));
    const idx = await pushIndex(
      `${reg.host}/multi:latest`,
      [
        { image: amd, platform: { os: 'linux', architecture: 'amd64' } },
        { image: arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ],
      plain,
    );
    const res = await scanImage(`${reg.host}/multi:latest`, { cacheDir: join(dir, 'cache'), noCache: true, platform: 'linux/arm64', registry: plain });
    assert.equal(res.inventory.os?.version, '3.19.2');
    assert.equal(res.inventory.target.manifestDigest, idx.manifests[1]);
    assert.deepEqual(res.inventory.target.repoDigests, [`${reg.host}/multi@${idx.digest}`]);
    await assert.rejects(
      openRegistryImage(`${reg.host}/multi:latest`, { ...plain, tmpDir: dir, platform: { os: 'linux', architecture: 's390x' } }),
      (err) => isBulwarkError(err, 'NO_MATCHING_PLATFORM') && /linux\/amd64, linux\/arm64\/v8/.test(err.message),
    );
  });

  it('reports an unknown tag as REGISTRY_NOT_FOUND naming the reference', async () => {
    await assert.rejects(openRegistryImage(`${reg.host}/team/debian:nope`, { ...plain, tmpDir: dir }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_NOT_FOUND'), String(err));
      assert.equal(err.message, `manifest unknown: ${reg.host}/team/debian:nope`);
      return true;
    });
    await assert.rejects(openRegistryImage(`${reg.host}/no/such/repo:1`, { ...plain, tmpDir: dir }), (err) => isBulwarkError(err, 'REGISTRY_NOT_FOUND') && err.message.includes('no/such/repo'));
  });

  it('reports a closed port as REGISTRY_UNREACHABLE', async () => {
    const port = await freePort();
    await assert.rejects(openRegistryImage(`127.0.0.1:${port}/x:y`, { ...plain, tmpDir: dir }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_UNREACHABLE'), String(err));
      assert.equal(err.message, `cannot reach registry 127.0.0.1:${port} (connection refused)`);
      assert.equal(err.exitCode, 4);
      return true;
    });
  });

  it('does not fall back to plain HTTP on its own', async () => {
    await assert.rejects(openRegistryImage(`${reg.host}/team/debian:12`, { tmpDir: dir, retries: 0 }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_UNREACHABLE'), String(err));
      assert.match(err.message, /--plain-http/);
      return true;
    });
  });
});
