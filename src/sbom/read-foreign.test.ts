import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syftCycloneDx, syftSpdx, TRIVY_LAYERS, trivyCycloneDx, trivySpdx } from './__fixtures__/foreign.js';
import { readSbom } from './read-sbom.js';

const byName = (res: ReturnType<typeof readSbom>, name: string) => res.packages.find((p) => p.name === name)!;

describe('readSbom: SBOMs written by other tools', () => {
  it('reads Trivy CycloneDX: OS component, Src* properties, layer diffIDs in image order', () => {
    const res = readSbom(JSON.stringify(trivyCycloneDx));
    assert.equal(res.tool, 'trivy');
    assert.deepEqual(res.target, { name: 'debian:12', purl: trivyCycloneDx.metadata.component.purl });
    assert.deepEqual(res.os, { family: 'debian', version: '12.5' });
    assert.deepEqual(res.packages.map((p) => `${p.type}:${p.name}@${p.version}`), ['deb:libc6@2.36-9+deb12u4', 'deb:tar@1.34+dfsg-1.2+deb12u1', 'npm:express@4.18.2']);
    const libc = byName(res, 'libc6');
    assert.equal(libc.sourceName, 'glibc');
    assert.equal(libc.sourceVersion, '2.36-9+deb12u4');
    assert.equal(libc.arch, 'amd64');
    assert.deepEqual(libc.licenses, ['LGPL-2.1', 'GPL-2.0']);
    assert.deepEqual(libc.locations, [{ path: '/var/lib/dpkg/status', layerDiffId: TRIVY_LAYERS[0], layerIndex: 0 }]);
    assert.equal(byName(res, 'tar').sourceVersion, '1.34+dfsg-1.2+deb12u1', 'epoch 0 is not written');
    assert.deepEqual(byName(res, 'express').locations, [{ path: 'app/node_modules/express/package.json', layerDiffId: TRIVY_LAYERS[1], layerIndex: 1 }]);
    assert.equal(byName(res, 'express').foundBy, 'sbom:trivy');
    assert.deepEqual(res.warnings, []);
  });

  it('reads Syft CycloneDX: upstream and distro qualifiers, syft:location properties', () => {
    const res = readSbom(JSON.stringify(syftCycloneDx));
    assert.equal(res.tool, 'syft');
    assert.deepEqual(res.os, { family: 'alpine', version: '3.19.1', versionId: '3.19.1', prettyName: 'Alpine Linux v3.19' });
    const crypto = byName(res, 'libcrypto3');
    assert.deepEqual([crypto.type, crypto.sourceName, crypto.sourceVersion, crypto.foundBy], ['apk', 'openssl', '3.1.4-r5', 'apk-db-cataloger']);
    assert.deepEqual(crypto.licenses, ['Apache-2.0']);
    assert.deepEqual(crypto.locations, [{ path: '/lib/apk/db/installed', layerDiffId: TRIVY_LAYERS[0] }]);
    const busybox = byName(res, 'busybox');
    assert.deepEqual([busybox.sourceName, busybox.sourceVersion], ['busybox', '1.36.1-r15'], 'no upstream: the package is its own source');
    assert.equal(res.packages.length, 2, 'file components are not packages');
  });

  it('reads Syft SPDX: OS from the purl distro qualifier, LicenseRefs by name, path from sourceInfo', () => {
    const res = readSbom(JSON.stringify(syftSpdx));
    assert.equal(res.format, 'spdx');
    assert.equal(res.tool, 'syft');
    assert.equal(res.target.name, 'debian');
    assert.deepEqual(res.os, { family: 'debian', version: '12' });
    assert.equal(res.packages.length, 1);
    const ssl = res.packages[0]!;
    assert.deepEqual([ssl.type, ssl.sourceName, ssl.sourceVersion], ['deb', 'openssl', '3.0.11-1~deb12u2']);
    assert.deepEqual(ssl.licenses, ['Apache-2.0', 'Artistic']);
    assert.deepEqual(ssl.locations, [{ path: '/var/lib/dpkg/status' }]);
  });

  it('reads Trivy SPDX: annotations, OPERATING-SYSTEM package, rpm epoch', () => {
    const res = readSbom(JSON.stringify(trivySpdx));
    assert.equal(res.tool, 'trivy');
    assert.deepEqual(res.os, { family: 'rocky', version: '9.3' });
    const ssl = res.packages[0]!;
    assert.deepEqual([ssl.type, ssl.name, ssl.version, ssl.epoch, ssl.release], ['rpm', 'openssl-libs', '3.0.7-25.el9_3', 1, '25.el9_3']);
    assert.deepEqual([ssl.sourceName, ssl.sourceVersion], ['openssl', '3.0.7-25.el9_3']);
    assert.deepEqual(ssl.locations, [{ path: '/var/lib/rpm', layerDiffId: TRIVY_LAYERS[0], layerIndex: 0 }]);
  });
});
