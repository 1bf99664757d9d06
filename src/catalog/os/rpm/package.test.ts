import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHeaderBlob, packageBlob } from './__fixtures__/build-header.js';
import { TAG } from './header.js';
import { parseSourceRpm, rpmPackageFromBlob } from './package.js';

describe('parseSourceRpm', () => {
  const cases: [string | undefined, { name?: string; version?: string }][] = [
    ['openssl-1.1.1k-5.el8.src.rpm', { name: 'openssl', version: '1.1.1k-5.el8' }],
    ['util-linux-2.32.1-42.el8_8.src.rpm', { name: 'util-linux', version: '2.32.1-42.el8_8' }],
    ['kernel-rt-5.14.0-70.nosrc.rpm', { name: 'kernel-rt', version: '5.14.0-70' }],
    ['gcc-11.2.1+git610-1.2.3.src.rpm', { name: 'gcc', version: '11.2.1+git610-1.2.3' }],
    ['noversion.src.rpm', {}],
    ['', {}],
    [undefined, {}],
  ];
  for (const [input, want] of cases) {
    it(`splits ${JSON.stringify(input)}`, () => assert.deepEqual(parseSourceRpm(input), want));
  }
});

describe('rpmPackageFromBlob', () => {
  it('builds a package with epoch, source, license, vendor and files', () => {
    const pkg = rpmPackageFromBlob(
      packageBlob({
        name: 'openssl-libs', version: '1.1.1k', release: '5.el8', epoch: 1, arch: 'x86_64',
        sourceRpm: 'openssl-1.1.1k-5.el8.src.rpm', license: 'OpenSSL and ASL 2.0', vendor: 'Rocky', size: 4096,
        files: ['/usr/lib64/libssl.so.1.1', '/usr/lib64/libcrypto.so.1.1', '/etc/pki/tls/openssl.cnf'],
      }),
    );
    assert.deepEqual(pkg, {
      name: 'openssl-libs', version: '1.1.1k-5.el8', release: '5.el8', epoch: 1, arch: 'x86_64', type: 'rpm', purl: '',
      sourceName: 'openssl', sourceVersion: '1.1.1k-5.el8', licenses: ['OpenSSL and ASL 2.0'],
      files: ['/usr/lib64/libssl.so.1.1', '/usr/lib64/libcrypto.so.1.1', '/etc/pki/tls/openssl.cnf'],
      metadata: { sourceRpm: 'openssl-1.1.1k-5.el8.src.rpm', vendor: 'Rocky', installedSize: 4096 },
    });
  });

  it('skips gpg-pubkey pseudo-packages', () => {
    assert.equal(rpmPackageFromBlob(packageBlob({ name: 'gpg-pubkey', version: 'fd431d51', release: '4ae0493b' })), undefined);
  });

  it('reads pre-4.0 OLDFILENAMES', () => {
    const blob = buildHeaderBlob([
      { tag: TAG.name, string: 'old' }, { tag: TAG.version, string: '1' }, { tag: TAG.oldFilenames, strings: ['/bin/old'] },
    ]);
    assert.deepEqual(rpmPackageFromBlob(blob)?.files, ['/bin/old']);
  });

  const badFiles: [string, Parameters<typeof buildHeaderBlob>[0], RegExp][] = [
    ['a dir index past the dirnames', [{ tag: TAG.dirIndexes, int32: [5] }, { tag: TAG.baseNames, strings: ['x'] }, { tag: TAG.dirNames, strings: ['/'] }], /dir index/],
    ['more basenames than dir indexes', [{ tag: TAG.dirIndexes, int32: [0] }, { tag: TAG.baseNames, strings: ['x', 'y'] }, { tag: TAG.dirNames, strings: ['/'] }], /basenames/],
    [
      'many basenames sharing one long dirname',
      [{ tag: TAG.dirIndexes, int32: new Array(20000).fill(0) }, { tag: TAG.baseNames, strings: new Array(20000).fill('') }, { tag: TAG.dirNames, strings: ['/' + 'd/'.repeat(2000)] }],
      /larger than/,
    ],
  ];
  for (const [name, fileTags, err] of badFiles) {
    it(`throws on ${name}`, { timeout: 2000 }, () => {
      const blob = buildHeaderBlob([{ tag: TAG.name, string: 'p' }, { tag: TAG.version, string: '1' }, ...fileTags]);
      assert.throws(() => rpmPackageFromBlob(blob), err);
    });
  }

  it('throws when name or version is missing', () => {
    assert.throws(() => rpmPackageFromBlob(buildHeaderBlob([{ tag: TAG.name, string: 'p' }])), /no name or version/);
  });
});
