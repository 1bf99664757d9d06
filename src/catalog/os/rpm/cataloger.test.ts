import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { buildBdb, buildNdb, buildSqlite } from './__fixtures__/build-db.js';
import { packageBlob } from './__fixtures__/build-header.js';
import { rpmCataloger } from './cataloger.js';

const OS_RELEASE = 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n';
const blobs = [
  packageBlob({
    name: 'openssl-libs', version: '3.0.7', release: '24.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-24.el9.src.rpm',
    license: 'ASL 2.0', vendor: 'Rocky Enterprise Software Foundation', files: ['/usr/lib64/libssl.so.3', '/usr/lib64/libcrypto.so.3'],
  }),
  packageBlob({ name: 'bash', version: '5.1.8', release: '6.el9_1', arch: 'x86_64', sourceRpm: 'bash-5.1.8-6.el9_1.src.rpm', license: 'GPLv3+' }),
  packageBlob({ name: 'gpg-pubkey', version: '350d275d', release: '6279464b' }),
];

describe('rpm-db-cataloger on an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('reads an rpmdb.sqlite built at test time and fills OS purls', async () => {
    const img = await makeImage(dir, {
      layers: [{ files: [{ path: 'etc/os-release', content: OS_RELEASE }, { path: 'var/lib/rpm/rpmdb.sqlite', content: buildSqlite(blobs) }] }],
    }, { format: 'oci-layout' }, 'rocky');
    const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true, catalogers: [rpmCataloger] });
    assert.deepEqual(inventory.warnings, []);
    assert.deepEqual(inventory.packages.map((p) => `${p.name}@${p.version}`), ['bash@5.1.8-6.el9_1', 'openssl-libs@3.0.7-24.el9']);
    const ssl = inventory.packages.find((p) => p.name === 'openssl-libs')!;
    assert.equal(ssl.foundBy, 'rpm-db-cataloger');
    assert.equal(ssl.epoch, 1);
    assert.equal(ssl.release, '24.el9');
    assert.equal(ssl.sourceName, 'openssl');
    assert.equal(ssl.sourceVersion, '3.0.7-24.el9');
    assert.deepEqual(ssl.licenses, ['ASL 2.0']);
    assert.deepEqual(ssl.files, ['/usr/lib64/libssl.so.3', '/usr/lib64/libcrypto.so.3']);
    assert.equal(ssl.locations[0]!.path, '/var/lib/rpm/rpmdb.sqlite');
    assert.equal(ssl.purl, 'pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&distro=rocky-9.3&epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm');
  });

  it('reads ndb and BerkeleyDB databases, also when spooled to a temp file', async () => {
    const prev = process.env.BULWARK_SPOOL_BYTES;
    process.env.BULWARK_SPOOL_BYTES = '1024'; // every database goes through the tempPath route
    try {
      const img = await makeImage(dir, {
        layers: [
          { files: [{ path: 'usr/lib/sysimage/rpm/Packages.db', content: buildNdb(blobs.slice(0, 1)) }] },
          { files: [{ path: 'var/lib/rpm/Packages', content: buildBdb(blobs.slice(1, 2)).file }] },
        ],
      }, { format: 'docker-archive' }, 'mixed');
      const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true, catalogers: [rpmCataloger] });
      assert.deepEqual(inventory.warnings, []);
      assert.deepEqual(inventory.packages.map((p) => `${p.name}#${p.locations[0]!.layerIndex} ${p.locations[0]!.path}`), [
        'bash#1 /var/lib/rpm/Packages',
        'openssl-libs#0 /usr/lib/sysimage/rpm/Packages.db',
      ]);
    } finally {
      if (prev === undefined) delete process.env.BULWARK_SPOOL_BYTES;
      else process.env.BULWARK_SPOOL_BYTES = prev;
    }
  });

  it('turns a corrupt database into a warning, not a failed scan', async () => {
    const spoiled = buildNdb(blobs);
    spoiled.write('RpmX', 0, 'latin1');
    const img = await makeImage(dir, { layers: [{ files: [{ path: 'var/lib/rpm/Packages.db', content: spoiled }] }] }, { format: 'oci-layout' }, 'bad');
    const { inventory } = await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true, catalogers: [rpmCataloger] });
    assert.deepEqual(inventory.packages, []);
    assert.equal(inventory.warnings.length, 1);
    assert.match(inventory.warnings[0]!, /unknown magic/);
  });
});
