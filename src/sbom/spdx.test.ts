import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage, type Inventory } from '../app/inventory.js';
import { VERSION } from '../shared/version.js';
import { debianLikeSpec, makeImage, shared, SHARED_SKIP, tempDir } from '../../test/helpers/fixtures.js';
import { schemaErrors } from '../../test/schemas/validate.js';
import { syntheticInventory } from './__fixtures__/inventory.js';
import { renderSpdx, spdxDocument, spdxId } from './spdx.js';
import { parseSpdx } from './licenses.js';

type Doc = Record<string, any>;
const FIXED = { timestamp: new Date('2026-01-02T03:04:05Z'), uuid: '00000000-0000-4000-8000-000000000000' };

describe('SPDX 2.3 writer', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let debian: Inventory;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const img = await makeImage(dir, debianLikeSpec(), { format: 'docker-archive' }, 'deb');
    debian = (await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true })).inventory;
  });
  after(() => cleanup());

  it('writes a schema-valid document of the Debian-like test image', () => {
    const doc = spdxDocument(debian, FIXED) as Doc;
    assert.deepEqual(schemaErrors('spdx', doc), []);
    assert.equal(doc.spdxVersion, 'SPDX-2.3');
    assert.equal(doc.dataLicense, 'CC0-1.0');
    assert.equal(doc.SPDXID, 'SPDXRef-DOCUMENT');
    assert.deepEqual(doc.creationInfo, { created: '2026-01-02T03:04:05Z', creators: [`Tool: bulwark-${VERSION}`] });
    assert.match(doc.documentNamespace, /^https:\/\/.+-00000000-0000-4000-8000-000000000000$/);
    const [root, os, ...pkgs] = doc.packages;
    assert.equal(root.primaryPackagePurpose, 'CONTAINER');
    assert.deepEqual([os.primaryPackagePurpose, os.name, os.versionInfo], ['OPERATING_SYSTEM', 'debian', '12.5']);
    assert.equal(pkgs.length, 3);
    const ssl = pkgs.find((p: Doc) => p.name === 'libssl3');
    assert.equal(ssl.primaryPackagePurpose, 'LIBRARY');
    assert.deepEqual(ssl.externalRefs, [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: debian.packages.find((p) => p.name === 'libssl3')!.purl }]);
    assert.match(ssl.sourceInfo, /^found by .+: \/var\/lib\/dpkg\/status in layer 1 \(sha256:[0-9a-f]{64}\)$/);
    assert.equal(ssl.licenseDeclared, 'NOASSERTION');
    assert.equal(doc.relationships[0].relationshipType, 'DESCRIBES');
    assert.equal(doc.relationships.filter((r: Doc) => r.relationshipType === 'CONTAINS').length, 4);
  });

  it('is deterministic apart from namespace and timestamp', () => {
    const shuffled = { ...debian, packages: [...debian.packages].reverse() };
    assert.equal(renderSpdx(debian, FIXED), renderSpdx(shuffled, FIXED));
  });

  it('gives every package a unique, sanitised SPDXID', () => {
    const doc = spdxDocument(syntheticInventory(), FIXED) as Doc;
    assert.deepEqual(schemaErrors('spdx', doc), []);
    const ids: string[] = doc.packages.map((p: Doc) => p.SPDXID);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^SPDXRef-[A-Za-z0-9.-]+$/);
    assert.equal(spdxId('Image-registry.example:5000/team/app'), 'SPDXRef-Image-registry.example-5000-team-app');
  });

  it('declares licenses as valid SPDX expressions, free text as LicenseRefs it defines', () => {
    const doc = spdxDocument(syntheticInventory(), FIXED) as Doc;
    const declared = (name: string): string[] => doc.packages.filter((p: Doc) => p.name === name).map((p: Doc) => p.licenseDeclared);
    assert.deepEqual(declared('musl'), ['MIT']);
    assert.deepEqual(declared('libcrypto3'), ['(Apache-2.0 AND MIT)']);
    assert.deepEqual(declared('left-pad'), ['(WTFPL OR MIT) AND LicenseRef-Custom-see-LICENSE-file', 'LicenseRef-GPL-2 AND BSD-3-Clause']);
    for (const p of doc.packages) if (p.licenseDeclared !== 'NOASSERTION') assert.ok(parseSpdx(p.licenseDeclared), p.licenseDeclared);
    assert.deepEqual(doc.hasExtractedLicensingInfos, [
      { licenseId: 'LicenseRef-Custom-see-LICENSE-file', name: 'Custom: see LICENSE file', extractedText: 'Custom: see LICENSE file' },
      { licenseId: 'LicenseRef-GPL-2', name: 'GPL-2+', extractedText: 'GPL-2+' },
    ]);
  });

  it('validates for the real Debian bookworm image in ../shared', async (t) => {
    const path = shared('images/debian-bookworm-ssh.oci.tar');
    if (!path) return t.skip(SHARED_SKIP);
    const inv = (await scanImage(path, { cacheDir: `${dir}/cache`, noCache: true })).inventory;
    const doc = spdxDocument(inv, FIXED) as Doc;
    assert.deepEqual(schemaErrors('spdx', doc), []);
    assert.equal(doc.packages.length, inv.packages.length + 2);
    for (const p of doc.packages) if (p.licenseDeclared !== 'NOASSERTION') assert.ok(parseSpdx(p.licenseDeclared), p.licenseDeclared);
    const defined = new Set(doc.hasExtractedLicensingInfos?.map((e: Doc) => e.licenseId));
    for (const p of doc.packages) for (const ref of String(p.licenseDeclared).match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) assert.ok(defined.has(ref), ref);
  });
});
