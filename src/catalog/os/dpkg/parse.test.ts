import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCopyrightLicenses } from './parse-copyright.js';
import { parseDpkgStatus, parseSourceField } from './parse-status.js';

describe('dpkg status', () => {
  it('reads packages, source fields, epochs and skips removed ones', () => {
    const pkgs = parseDpkgStatus(
      [
        'Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nDescription: ssl\n long text\n .\n more',
        'Package: diffutils\nStatus: install ok installed\nVersion: 1:3.8-4\nArchitecture: amd64',
        'Package: gone\nStatus: deinstall ok config-files\nVersion: 1.0',
        'Package: half\nStatus: install ok not-installed\nVersion: 1.0',
        'Package: libc6\r\nStatus: install ok installed\r\nSource: glibc (2.36-9+deb12u4)\r\nVersion: 2.36-9+deb12u4\r\n',
      ].join('\n\n'),
    );
    assert.deepEqual(
      pkgs.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion, p.epoch]),
      [
        ['libssl3', '3.0.11-1~deb12u2', 'openssl', '3.0.11-1~deb12u2', undefined],
        ['diffutils', '1:3.8-4', 'diffutils', '1:3.8-4', 1],
        ['libc6', '2.36-9+deb12u4', 'glibc', '2.36-9+deb12u4', undefined],
      ],
    );
  });

  it('distroless status.d stanzas have no Status field and still count', () => {
    assert.equal(parseDpkgStatus('Package: base-files\nVersion: 12.4\nArchitecture: amd64\n').length, 1);
  });

  it('source field forms', () => {
    assert.deepEqual(parseSourceField('openssl', '1.0'), { name: 'openssl', version: '1.0' });
    assert.deepEqual(parseSourceField('glibc (2.36-9)', '2.36-9+b1'), { name: 'glibc', version: '2.36-9' });
    assert.deepEqual(parseSourceField(undefined, '1'), {});
  });

  it('garbage yields nothing rather than throwing', () => {
    assert.deepEqual(parseDpkgStatus('\u0000\u0001 not a control file'), []);
  });
});

describe('dpkg copyright licenses', () => {
  it('DEP-5 License fields and common-licenses references', () => {
    const text = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-2+\n\nFiles: lib/*\nLicense: LGPL-2.1\n text\n\nLicense: GPL-2+\n On Debian systems see /usr/share/common-licenses/GPL-2.\n';
    assert.deepEqual(parseCopyrightLicenses(text), ['GPL-2+', 'LGPL-2.1']);
    assert.deepEqual(parseCopyrightLicenses('see /usr/share/common-licenses/Apache-2.0 for details'), ['Apache-2.0']);
  });
});
