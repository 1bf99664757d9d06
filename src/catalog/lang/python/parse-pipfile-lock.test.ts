import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipfileLock } from './parse-pipfile-lock.js';

const PIPFILE_LOCK = JSON.stringify({
  _meta: { hash: { sha256: '0'.repeat(64) }, 'pipfile-spec': 6, requires: { python_version: '3.11' }, sources: [{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }] },
  default: {
    flask: { hashes: ['sha256:' + '1'.repeat(64)], index: 'pypi', markers: "python_version >= '3.8'", version: '==3.0.0' },
    'zope.interface': { version: '==6.1' },
    mylib: { git: 'https://github.com/example/mylib.git', ref: '0123456789abcdef0123456789abcdef01234567' },
    localpkg: { editable: true, path: '.' },
    idna: { version: '==3.6' },
  },
  develop: {
    pytest: { hashes: [], index: 'pypi', version: '==7.4.3' },
    idna: { version: '==3.6' },
    legacy: { version: '===1.0-custom' },
    wild: { version: '==1.*' },
  },
});

describe('parsePipfileLock', () => {
  it('reads default and develop sections, skipping git and path entries', () => {
    const pkgs = parsePipfileLock(PIPFILE_LOCK);
    assert.deepEqual(pkgs.map((p) => [p.name, p.version, p.metadata!.scope]), [
      ['flask', '3.0.0', undefined],
      ['zope.interface', '6.1', undefined],
      ['idna', '3.6', undefined],
      ['pytest', '7.4.3', 'dev'],
      ['legacy', '1.0-custom', 'dev'],
    ]);
    assert.equal(pkgs[1]!.purl, 'pkg:pypi/zope-interface@6.1');
    assert.equal(pkgs[0]!.metadata!.index, 'pypi');
  });

  const bad: [string, string][] = [
    ['not JSON', 'default = {}'],
    ['an array', '[]'],
    ['default is a string', '{"default": "x"}'],
  ];
  for (const [label, text] of bad) {
    it(`throws a short error: ${label}`, () => {
      assert.throws(() => parsePipfileLock(text), /^Error: invalid Pipfile.lock/);
    });
  }
});
