/** Typed fixtures for the report tests: a small Debian image with OS and npm findings. */
import type { Inventory } from '../../app/inventory.js';
import type { Package } from '../../catalog/types.js';
import type { Finding } from '../../vuln/match/types.js';
import type { ScanReport } from '../types.js';

const L0 = 'sha256:' + 'a'.repeat(64);
const L1 = 'sha256:' + 'b'.repeat(64);
const L2 = 'sha256:' + 'c'.repeat(64);

const openssl: Package = {
  name: 'libssl3',
  version: '3.0.11-1~deb12u1',
  type: 'deb',
  purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12',
  sourceName: 'openssl',
  sourceVersion: '3.0.11-1~deb12u1',
  licenses: ['Apache-2.0'],
  foundBy: 'dpkg-db-cataloger',
  locations: [{ path: '/var/lib/dpkg/status', layerDiffId: L0, layerIndex: 0 }],
  files: ['/usr/lib/x86_64-linux-gnu/libssl.so.3'],
  arch: 'amd64',
};

const zlib: Package = {
  name: 'zlib1g',
  version: '1:1.2.13.dfsg-1',
  type: 'deb',
  purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12',
  sourceName: 'zlib',
  sourceVersion: '1:1.2.13.dfsg-1',
  licenses: ['Zlib'],
  foundBy: 'dpkg-db-cataloger',
  locations: [{ path: '/var/lib/dpkg/status', layerDiffId: L0, layerIndex: 0 }],
};

const lodash: Package = {
  name: 'lodash',
  version: '4.17.20',
  type: 'npm',
  purl: 'pkg:npm/lodash@4.17.20',
  licenses: ['MIT'],
  foundBy: 'npm-package-cataloger',
  locations: [{ path: '/app/node_modules/lodash/package.json', layerDiffId: L2, layerIndex: 2 }],
  metadata: { author: 'John-David Dalton' },
};

/** An image inventory with three layers and three packages. */
export const inventory: Inventory = {
  target: {
    kind: 'registry',
    reference: 'docker.io/library/app:1.0',
    name: 'docker.io/library/app',
    repoTags: ['docker.io/library/app:1.0'],
    repoDigests: ['docker.io/library/app@sha256:' + 'd'.repeat(64)],
    manifestDigest: 'sha256:' + 'd'.repeat(64),
    configDigest: 'sha256:' + 'e'.repeat(64),
    platform: 'linux/amd64',
  },
  config: { architecture: 'amd64', os: 'linux' },
  os: { family: 'debian', version: '12', versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
  layers: [
    { index: 0, diffId: L0, digest: 'sha256:' + '1'.repeat(64), size: 1000, createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', cached: false },
    { index: 1, diffId: L1, size: 10, createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', cached: true },
    { index: 2, diffId: L2, size: 500, createdBy: 'RUN /bin/sh -c npm install --omit=dev && npm cache clean --force # buildkit', cached: false },
  ],
  packages: [openssl, zlib, lodash],
  warnings: ['layer 3: corrupt jar skipped'],
};

function osFinding(over: Partial<Finding> & Pick<Finding, 'id' | 'severity' | 'status'>, pkg: Package): Finding {
  return {
    aliases: [],
    advisories: [`DEBIAN-${over.id}`],
    pkg: {
      name: pkg.name,
      version: pkg.version,
      type: pkg.type,
      purl: pkg.purl,
      sourceName: pkg.sourceName,
      sourceVersion: pkg.sourceVersion,
      path: pkg.locations[0]!.path,
      layerIndex: 0,
      layerDiffId: L0,
    },
    installedVersion: pkg.version,
    fixedVersions: [],
    title: `${over.id} in ${pkg.sourceName}`,
    references: [`https://security-tracker.debian.org/tracker/${over.id}`],
    match: { matcher: 'dpkg-matcher', ecosystem: 'Debian', searchedBy: { name: pkg.sourceName!, version: pkg.sourceVersion! }, ranges: [] },
    ...over,
  };
}

/** Four findings: CRITICAL fixed (OS), LOW will_not_fix (OS), HIGH fixed (npm, two release lines), UNKNOWN affected (OS). */
export const findings: Finding[] = [
  osFinding(
    {
      id: 'CVE-2023-5678',
      severity: { level: 'CRITICAL', score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', source: 'CVSS_V3 (CVE-2023-5678)' },
      status: 'fixed',
      fixedVersions: ['3.0.13-1~deb12u1'],
      fixedVersion: '3.0.13-1~deb12u1',
      title: 'openssl: generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow',
      description: 'Issue summary: Generating excessively long X9.42 DH keys ...',
    },
    openssl,
  ),
  osFinding({ id: 'CVE-2023-45853', severity: { level: 'LOW', source: 'debian' }, status: 'will_not_fix' }, zlib),
  osFinding({ id: 'CVE-2024-0001', severity: { level: 'UNKNOWN', source: 'none' }, status: 'affected', title: '' }, openssl),
  {
    id: 'CVE-2021-23337',
    aliases: ['GHSA-35jh-r3h4-6jhm'],
    advisories: ['GHSA-35jh-r3h4-6jhm'],
    pkg: { name: 'lodash', version: '4.17.20', type: 'npm', purl: lodash.purl, path: '/app/node_modules/lodash/package.json', layerIndex: 2, layerDiffId: L2 },
    installedVersion: '4.17.20',
    fixedVersions: ['4.17.21'],
    fixedVersion: '4.17.21',
    status: 'fixed',
    severity: { level: 'HIGH', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', source: 'CVSS_V3 (GHSA-35jh-r3h4-6jhm)' },
    title: 'Command Injection in lodash',
    description: 'Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
    references: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm', 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337'],
    published: '2021-02-15T11:15:12Z',
    match: { matcher: 'npm-matcher', ecosystem: 'npm', searchedBy: { name: 'lodash', version: '4.17.20' }, ranges: ['>=0 <4.17.21'] },
  },
];

/** The fixture report, with fix advice for the two fixable findings. */
export function report(over: Partial<ScanReport> = {}): ScanReport {
  return {
    inventory,
    findings,
    warnings: ['vulnerability database is 3 days old'],
    fixAdvice: {
      packages: [
        { name: 'libssl3', type: 'deb', installed: '3.0.11-1~deb12u1', recommended: '3.0.13-1~deb12u1', fixes: ['CVE-2023-5678'] },
        { name: 'lodash', type: 'npm', installed: '4.17.20', recommended: '4.17.21', fixes: ['CVE-2021-23337'], path: '/app/node_modules/lodash/package.json' },
      ],
      summary: 'upgrading these 2 packages fixes 2 of 4 findings',
    },
    ...over,
  };
}
