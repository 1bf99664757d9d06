import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { auditPackages, decodeAuditData, MAX_INFLATED } from './parse-audit-data.js';

const DATA = {
  packages: [
    { name: 'myapp', version: '0.1.0', source: 'local', dependencies: [1, 2, 3], root: true },
    { name: 'serde', version: '1.0.193', source: 'crates.io', dependencies: [3] },
    { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
    { name: 'libc', version: '0.2.150', source: 'registry', kind: 'Runtime' },
    { name: 'forked', version: '0.3.0', source: 'git' },
  ],
};

describe('decodeAuditData / auditPackages', () => {
  it('keeps registry crates with kind, root and dependency metadata', () => {
    const pkgs = auditPackages(decodeAuditData(deflateSync(JSON.stringify(DATA))));
    assert.deepEqual(pkgs.map((p) => p.purl), ['pkg:cargo/serde@1.0.193', 'pkg:cargo/cc@1.0.83', 'pkg:cargo/libc@0.2.150']);
    assert.deepEqual(pkgs[0]!.metadata, { source: 'crates.io', kind: 'runtime', dependencies: ['libc@0.2.150'] });
    assert.equal(pkgs[1]!.metadata?.kind, 'build');
    assert.equal(pkgs[2]!.metadata?.kind, 'runtime');
  });

  it('marks a registry root (cargo install from crates.io)', () => {
    const root = { packages: [{ name: 'ripgrep', version: '14.0.3', source: 'crates.io', root: true }] };
    assert.equal(auditPackages(decodeAuditData(deflateSync(JSON.stringify(root))))[0]!.metadata?.root, true);
  });

  const hostile: [string, Buffer, RegExp][] = [
    ['not zlib', Buffer.from('plain text'), /not valid zlib/],
    ['not JSON', deflateSync('{"packages": ['), /not valid JSON/],
    ['wrong shape', deflateSync(JSON.stringify({ packages: [{ name: 1 }] })), /schema/],
    ['a bomb', deflateSync(Buffer.alloc(MAX_INFLATED + 1024, 0x20)), /inflates beyond/],
    ['truncated zlib', deflateSync(JSON.stringify(DATA)).subarray(0, 20), /not valid zlib/],
  ];
  for (const [what, buf, re] of hostile) {
    it(`rejects ${what}`, () => assert.throws(() => decodeAuditData(buf), re));
  }

  it('ignores dependency indexes that point nowhere', () => {
    const data = { packages: [{ name: 'a', version: '1.0.0', source: 'crates.io', dependencies: [7] }] };
    assert.equal(auditPackages(decodeAuditData(deflateSync(JSON.stringify(data))))[0]!.metadata?.dependencies, undefined);
  });
});
