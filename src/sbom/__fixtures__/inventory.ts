/** A hand-made inventory that exercises the awkward cases: licenses of every kind, one purl at two paths, a rootfs-less layer. */
import type { Inventory } from '../../app/inventory.js';

const L0 = 'sha256:' + 'a'.repeat(64);
const L1 = 'sha256:' + 'b'.repeat(64);

/** Inventory of a small Alpine-like image with an npm package installed twice. */
export function syntheticInventory(): Inventory {
  return {
    target: {
      kind: 'oci-archive',
      reference: 'fixtures/app.tar',
      name: 'registry.example:5000/team/app:1.2',
      repoTags: ['registry.example:5000/team/app:1.2'],
      repoDigests: ['registry.example:5000/team/app@sha256:' + 'c'.repeat(64)],
      manifestDigest: 'sha256:' + 'c'.repeat(64),
      configDigest: 'sha256:' + 'd'.repeat(64),
      platform: 'linux/arm64/v8',
    },
    config: {},
    os: { family: 'alpine', version: '3.19.1', versionId: '3.19.1', name: 'Alpine Linux', prettyName: 'Alpine Linux v3.19' },
    layers: [
      { index: 0, diffId: L0, size: 10, cached: false },
      { index: 1, diffId: L1, size: 20, cached: false },
    ],
    packages: [
      {
        name: 'musl', version: '1.2.4_git20230717-r4', type: 'apk', arch: 'aarch64',
        purl: 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=aarch64&distro=3.19.1',
        sourceName: 'musl', sourceVersion: '1.2.4_git20230717-r4', licenses: ['MIT'], foundBy: 'apk-db-cataloger',
        locations: [{ path: '/lib/apk/db/installed', layerDiffId: L0, layerIndex: 0 }], metadata: { maintainer: 'Timo Teräs <timo.teras@iki.fi>' },
      },
      {
        name: 'busybox', version: '1.36.1-r15', type: 'apk',
        purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=aarch64&distro=3.19.1',
        sourceName: 'busybox', sourceVersion: '1.36.1-r15', licenses: ['GPL-2.0-only'], foundBy: 'apk-db-cataloger',
        locations: [{ path: '/lib/apk/db/installed', layerDiffId: L0, layerIndex: 0 }],
      },
      {
        name: 'libcrypto3', version: '3.1.4-r5', type: 'apk',
        purl: 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=aarch64&distro=3.19.1&upstream=openssl',
        sourceName: 'openssl', sourceVersion: '3.1.4-r5', licenses: ['Apache-2.0 AND MIT'], foundBy: 'apk-db-cataloger',
        locations: [{ path: '/lib/apk/db/installed', layerDiffId: L1, layerIndex: 1 }],
      },
      {
        name: 'left-pad', version: '1.3.0', type: 'npm', purl: 'pkg:npm/left-pad@1.3.0',
        licenses: ['WTFPL OR MIT', 'Custom: see LICENSE file'], foundBy: 'npm-package-cataloger',
        locations: [{ path: '/app/node_modules/left-pad/package.json', layerDiffId: L1, layerIndex: 1 }],
      },
      {
        name: 'left-pad', version: '1.3.0', type: 'npm', purl: 'pkg:npm/left-pad@1.3.0',
        licenses: ['GPL-2+', 'BSD-3-Clause'], foundBy: 'npm-package-cataloger', osManaged: true,
        locations: [
          { path: '/usr/lib/node_modules/left-pad/package.json', layerDiffId: L1, layerIndex: 1 },
          { path: '/usr/share/left-pad/package.json', layerDiffId: L0, layerIndex: 0 },
        ],
      },
    ],
    warnings: [],
  };
}
