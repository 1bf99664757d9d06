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
