import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Package } from '../../catalog/types.js';
import type { OsvRecord } from '../db/osv-types.js';
import { matchPackages } from './engine.js';
import { memorySource } from './memory-source.js';

const pkg = (p: Partial<Package> & Pick<Package, 'name' | 'version' | 'type'>): Package => ({ purl: `pkg:${p.type}/${p.name}@${p.version}`, licenses: [], foundBy: 't', locations: [{ path: '/x', layerIndex: 0 }], ...p });
const rec = (id: string, ecosystem: string, name: string, fixed: string, extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
  ...extra,
});

describe('matching engine', () => {
  it('one CVE reached through two records is one finding with both advisories', () => {
    const src = memorySource([
      rec('GHSA-aaaa-bbbb-cccc', 'PyPI', 'requests', '2.31.0', { aliases: ['CVE-2023-32681'], database_specific: { severity: 'MODERATE' } }),
      rec('PYSEC-2023-74', 'PyPI', 'requests', '2.31.0', { aliases: ['CVE-2023-32681', 'GHSA-aaaa-bbbb-cccc'] }),
    ]);
    const { findings } = matchPackages([pkg({ name: 'Requests', version: '2.28.1', type: 'pypi' })], undefined, src);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.id, 'CVE-2023-32681');
    assert.deepEqual(findings[0]!.advisories.sort(), ['GHSA-aaaa-bbbb-cccc', 'PYSEC-2023-74']);
    assert.equal(findings[0]!.severity.level, 'MEDIUM');
  });

  it('withdrawn records are ignored', () => {
    const src = memorySource([rec('GHSA-x', 'npm', 'lodash', '4.17.21', { withdrawn: '2024-02-01T00:00:00Z' })]);
    assert.equal(matchPackages([pkg({ name: 'lodash', version: '4.17.20', type: 'npm' })], undefined, src).findings.length, 0);
  });

  it('distribution advisories apply to their release only, by source package, on each binary package', () => {
    const src = memorySource([
      { id: 'DSA-1', modified: 'x', upstream: ['CVE-2024-10001'], affected: [
        { package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1w-0+deb11u2' }] }] },
        { package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }] },
      ] },
    ]);
    const pkgs = [
      pkg({ name: 'libssl3', version: '3.0.11-1~deb12u2', type: 'deb', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' }),
      pkg({ name: 'openssl', version: '3.0.11-1~deb12u2', type: 'deb', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' }),
    ];
    const { findings } = matchPackages(pkgs, { family: 'debian', version: '12.5' }, src);
    assert.deepEqual(findings.map((f) => [f.id, f.pkg.name, f.fixedVersion]), [['CVE-2024-10001', 'libssl3', '3.0.13-1~deb12u1'], ['CVE-2024-10001', 'openssl', '3.0.13-1~deb12u1']]);
    assert.equal(matchPackages(pkgs, { family: 'debian', version: '11.9' }, src).findings.length, 0, 'Debian 11 entries do not apply to a Debian 12 package version');
  });

  it('unfixed distro findings carry the distribution status', () => {
    const src = memorySource([{ id: 'UBUNTU-CVE-2024-20002', modified: 'x', upstream: ['CVE-2024-20002'], affected: [{ package: { ecosystem: 'Ubuntu:22.04:LTS', name: 'bash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], ecosystem_specific: { ubuntu_status: 'deferred' } }] }]);
    const { findings } = matchPackages([pkg({ name: 'bash', version: '5.1-6ubuntu1', type: 'deb' })], { family: 'ubuntu', version: '22.04', versionId: '22.04' }, src);
    assert.equal(findings[0]!.status, 'fix_deferred');
  });

  it('OS-managed language packages follow the distribution unless asked', () => {
    const src = memorySource([rec('GHSA-r', 'PyPI', 'requests', '2.31.0', { aliases: ['CVE-2023-32681'] })]);
    const p = pkg({ name: 'requests', version: '2.28.1', type: 'pypi', osManaged: true });
    assert.equal(matchPackages([p], undefined, src).findings.length, 0);
    assert.equal(matchPackages([p], undefined, src, { osManagedUpstream: true }).findings.length, 1);
  });

  it('Go: "v" prefix and stdlib', () => {
    const src = memorySource([rec('GO-2024-1', 'Go', 'stdlib', '1.21.8'), rec('GO-2024-2', 'Go', 'golang.org/x/net', '0.23.0')]);
    const { findings } = matchPackages(
      [pkg({ name: 'stdlib', version: 'v1.21.5', type: 'golang', purl: 'pkg:golang/stdlib@v1.21.5' }), pkg({ name: 'golang.org/x/net', version: 'v0.17.0', type: 'golang', purl: 'pkg:golang/golang.org/x/net@v0.17.0' })],
      undefined,
      src,
    );
    assert.deepEqual(findings.map((f) => f.id).sort(), ['GO-2024-1', 'GO-2024-2']);
  });

  it('severity: CVSS vector first, then alias fallback, else UNKNOWN', () => {
    const src = memorySource([
      rec('DEBIAN-CVE-2024-30003', 'Debian:12', 'zlib', '1:1.3', { upstream: ['CVE-2024-30003'] }),
      { id: 'GHSA-z', modified: 'x', aliases: ['CVE-2024-30003'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] },
    ]);
    const { findings } = matchPackages([pkg({ name: 'zlib1g', version: '1:1.2.13.dfsg-1', type: 'deb', sourceName: 'zlib', sourceVersion: '1:1.2.13.dfsg-1' })], { family: 'debian', version: '12.5' }, src);
    assert.equal(findings[0]!.severity.level, 'CRITICAL');
    assert.match(findings[0]!.severity.source, /^alias CVSS_V3 \(GHSA-z\)/);
  });
});
