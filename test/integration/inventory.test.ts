import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../src/app/inventory.js';
import { debianLikeSpec, makeImage, tempDir } from '../helpers/fixtures.js';

describe('inventory of an image built by the writer', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  for (const [format, gzipArchive] of [['oci-layout', false], ['oci-archive', false], ['docker-archive', false], ['docker-archive', true]] as const) {
    it(`reads a ${format}${gzipArchive ? ' (gzipped)' : ''} with layers, whiteouts and symlinked os-release`, async () => {
      const img = await makeImage(dir, debianLikeSpec(), { format, gzipArchive }, `deb-${gzipArchive}`);
      const { inventory, squashed } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true });
      assert.equal(inventory.os?.family, 'debian');
      assert.equal(inventory.os?.version, '12.5');
      assert.equal(inventory.os?.codename, 'bookworm');
      const names = inventory.packages.map((p) => `${p.name}@${p.version}#${p.locations[0]!.layerIndex}`);
      assert.deepEqual(names, ['base-files@12.4#0', 'curl@7.88.1-10+deb12u5#1', 'libssl3@3.0.11-1~deb12u2#0']);
      const ssl = inventory.packages.find((p) => p.name === 'libssl3')!;
      assert.equal(ssl.sourceName, 'openssl');
      assert.equal(ssl.sourceVersion, '3.0.11-1~deb12u2');
      assert.equal(ssl.purl, 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5&upstream=openssl');
      assert.deepEqual(inventory.packages.find((p) => p.name === 'curl')!.files, ['/usr/bin/curl']);
      assert.equal(squashed.files.has('/usr/bin/tool'), false, 'whiteout removed the file');
      assert.equal(inventory.layers.length, 2);
      assert.equal(inventory.layers[1]!.createdBy, 'RUN apt-get install -y curl');
      assert.equal(inventory.layers[0]!.diffId, img.layers[0]!.diffId);
    });
  }
});

describe('layer formats and distributions', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('reads zstd and uncompressed layers in one image and verifies their digests', async () => {
    const spec = debianLikeSpec();
    spec.layers[0]!.compression = 'zstd';
    spec.layers[1]!.compression = 'none';
    const img = await makeImage(dir, spec, { format: 'oci-layout' }, 'zstd');
    assert.equal(img.layers[0]!.mediaType, 'application/vnd.oci.image.layer.v1.tar+zstd');
    const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true });
    assert.equal(inventory.packages.length, 3);
    assert.equal(inventory.os?.version, '12.5');
  });

  it('distroless: dpkg status.d without /var/lib/dpkg/status', async () => {
    const img = await makeImage(
      dir,
      {
        layers: [
          {
            files: [
              { path: 'etc/os-release', content: 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\n' },
              { path: 'var/lib/dpkg/status.d/base-files', content: 'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n' },
              { path: 'var/lib/dpkg/status.d/libssl3', content: 'Package: libssl3\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n' },
              { path: 'var/lib/dpkg/status.d/libssl3.md5sums', content: 'abc  usr/lib/x86_64-linux-gnu/libssl.so.3\n' },
            ],
          },
        ],
      },
      { format: 'oci-archive' },
      'distroless',
    );
    const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true });
    assert.equal(inventory.os?.family, 'debian');
    assert.equal(inventory.os?.name, 'Distroless');
    assert.deepEqual(inventory.packages.map((p) => `${p.name} ${p.sourceName}`), ['base-files base-files', 'libssl3 openssl']);
  });

  it('an image without any OS files still inventories its language packages', async () => {
    const img = await makeImage(dir, { layers: [{ files: [{ path: 'app/node_modules/left-pad/package.json', content: '{"name":"left-pad","version":"1.3.0","license":"WTFPL"}' }] }] }, { format: 'oci-layout' }, 'scratch');
    const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true });
    assert.equal(inventory.os, undefined);
    assert.deepEqual(inventory.packages.map((p) => p.purl), ['pkg:npm/left-pad@1.3.0']);
  });

  it('multi-arch OCI layout: --platform picks the image, and a missing platform lists what exists', async () => {
    const { buildImage } = await import('../../src/image/writer.js');
    const { mkdir, writeFile, rename } = await import('node:fs/promises');
    const { createHash } = await import('node:crypto');
    const layout = `${dir}/multi`;
    await mkdir(`${layout}/blobs/sha256`, { recursive: true });
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    const descs = [];
    for (const arch of ['amd64', 'arm64']) {
      const spec = { ...debianLikeSpec(), architecture: arch };
      const scratch = `${dir}/scratch-${arch}`;
      await mkdir(scratch);
      const built = await buildImage(spec, scratch);
      for (const l of built.layers) await rename(l.file, `${layout}/blobs/sha256/${l.digest.slice(7)}`);
      await writeFile(`${layout}/blobs/sha256/${sha(built.config)}`, built.config);
      await writeFile(`${layout}/blobs/sha256/${sha(built.manifest)}`, built.manifest);
      descs.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${sha(built.manifest)}`, size: built.manifest.length, platform: { os: 'linux', architecture: arch } });
    }
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descs }));
    await writeFile(`${layout}/blobs/sha256/${sha(index)}`, index);
    await writeFile(`${layout}/index.json`, JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${sha(index)}`, size: index.length }] }));
    await writeFile(`${layout}/oci-layout`, '{"imageLayoutVersion":"1.0.0"}');
    const arm = await scanImage(layout, { cacheDir: `${dir}/cache`, noCache: true, platform: 'linux/arm64' });
    assert.equal(arm.inventory.target.platform, 'linux/arm64');
    await assert.rejects(scanImage(layout, { cacheDir: `${dir}/cache`, noCache: true, platform: 'linux/s390x' }), /no image for platform linux\/s390x \(available: linux\/amd64, linux\/arm64\)/);
  });
});
