/** End to end: an image with Go and Rust executables and a war, scanned with only these catalogers. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { scanImage } from '../../../app/inventory.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { goBinaryCataloger } from '../go-binary/cataloger.js';
import { makeZip, mavenJar } from '../java/__fixtures__/zip.js';
import { javaArchiveCataloger } from '../java/cataloger.js';
import { rustBinaryCataloger } from '../rust-binary/cataloger.js';
import { buildElf, inlineBuildInfo } from './__fixtures__/elf.js';

const MOD = 'path\texample.com/svc\nmod\texample.com/svc\tv0.9.1\t\ndep\tgolang.org/x/net\tv0.19.0\th1:n=\nbuild\tGOOS=linux\n';

describe('binary and archive catalogers on an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('finds Go modules, cargo crates and maven artifacts with their locations', async () => {
    const goBin = buildElf([{ name: '.text', data: Buffer.alloc(4096, 0x90) }, { name: '.go.buildinfo', data: inlineBuildInfo('go1.21.5', MOD) }]);
    // above the 8 MiB spool threshold: reaches the cataloger as a temp file
    const bigGo = buildElf([{ name: '.text', data: Buffer.alloc(9 * 1024 * 1024) }, { name: '.go.buildinfo', data: inlineBuildInfo('go1.22.0', MOD) }]);
    const audit = { packages: [{ name: 'rustls', version: '0.21.10', source: 'crates.io' }, { name: 'tool', version: '0.1.0', source: 'local', root: true }] };
    const rustBin = buildElf([{ name: '.text', data: Buffer.alloc(256) }, { name: '.dep-v0', data: deflateSync(JSON.stringify(audit)) }]);
    const war = await makeZip({
      'META-INF/maven/com.example/shop/pom.properties': 'groupId=com.example\nartifactId=shop\nversion=1.4.0\n',
      'WEB-INF/lib/slf4j-api-2.0.9.jar': await mavenJar('org.slf4j', 'slf4j-api', '2.0.9'),
    });
    const img = await makeImage(dir, {
      layers: [
        {
          files: [
            { path: 'usr/local/bin/svc', content: goBin, mode: 0o755 },
            { path: 'usr/local/bin/big', content: bigGo, mode: 0o755 },
            { path: 'usr/local/bin/tool', content: rustBin, mode: 0o755 },
            { path: 'usr/share/doc/not-executable', content: goBin, mode: 0o644 },
          ],
        },
        { files: [{ path: 'srv/shop.war', content: war }] },
      ],
    }, { format: 'oci-layout' });
    const { inventory } = await scanImage(img.path, {
      catalogers: [goBinaryCataloger, rustBinaryCataloger, javaArchiveCataloger],
      noCache: true,
      cacheDir: `${dir}/cache`,
    });
    const got = inventory.packages.map((p) => `${p.purl} ${p.locations[0]!.path} #${p.locations[0]!.layerIndex}`);
    assert.deepEqual(got.sort(), [
      'pkg:cargo/rustls@0.21.10 /usr/local/bin/tool #0',
      'pkg:golang/example.com/svc@v0.9.1 /usr/local/bin/big #0',
      'pkg:golang/example.com/svc@v0.9.1 /usr/local/bin/svc #0',
      'pkg:golang/golang.org/x/net@v0.19.0 /usr/local/bin/big #0',
      'pkg:golang/golang.org/x/net@v0.19.0 /usr/local/bin/svc #0',
      'pkg:golang/stdlib@v1.21.5 /usr/local/bin/svc #0',
      'pkg:golang/stdlib@v1.22.0 /usr/local/bin/big #0',
      'pkg:maven/com.example/shop@1.4.0 /srv/shop.war #1',
      'pkg:maven/org.slf4j/slf4j-api@2.0.9 /srv/shop.war!/WEB-INF/lib/slf4j-api-2.0.9.jar #1',
    ]);
    assert.equal(inventory.packages.find((p) => p.type === 'cargo')!.foundBy, 'cargo-auditable-binary-cataloger');
    assert.deepEqual(inventory.warnings, []);
  });
});
