import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage, type Inventory } from '../app/inventory.js';
import { VERSION } from '../shared/version.js';
import { debianLikeSpec, makeImage, shared, SHARED_SKIP, tempDir } from '../../test/helpers/fixtures.js';
import { schemaErrors } from '../../test/schemas/validate.js';
import { syntheticInventory } from './__fixtures__/inventory.js';
import { cdxLicenses, cyclonedxDocument, renderCycloneDx } from './cyclonedx.js';

type Doc = Record<string, any>;
const FIXED = { timestamp: new Date('2026-01-02T03:04:05.678Z'), uuid: '00000000-0000-4000-8000-000000000000' };

describe('CycloneDX 1.6 writer', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let debian: Inventory;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-archive' }, 'deb');
    debian = (await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true })).inventory;
  });
  after(() => cleanup());

  it('writes a schema-valid BOM of the Debian-like test image', () => {
    const doc = cyclonedxDocument(debian, FIXED) as Doc;
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
    assert.equal(doc.specVersion, '1.6');
    assert.equal(doc.serialNumber, `urn:uuid:${FIXED.uuid}`);
    assert.equal(doc.metadata.timestamp, '2026-01-02T03:04:05Z');
    assert.deepEqual(doc.metadata.tools.components, [{ type: 'application', name: 'bulwark', version: VERSION }]);
    assert.equal(doc.metadata.component.type, 'container');
    const os = doc.components[0];
    assert.deepEqual([os.type, os.name, os.version], ['operating-system', 'debian', '12.5']);
    const ssl = doc.components.find((c: Doc) => c.name === 'libssl3');
    assert.equal(ssl.purl, 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5&upstream=openssl');
    const prop = (n: string): string[] => ssl.properties.filter((p: Doc) => p.name === n).map((p: Doc) => p.value);
    assert.deepEqual(prop('bulwark:source:name'), ['openssl']);
    assert.deepEqual(prop('bulwark:layer:index'), ['0']);
    assert.deepEqual(prop('bulwark:layer:diffID'), [debian.layers[0]!.diffId]);
    assert.deepEqual(prop('bulwark:location:path'), ['/var/lib/dpkg/status']);
    assert.deepEqual(doc.dependencies[0].dependsOn, doc.components.map((c: Doc) => c['bom-ref']));
  });

  it('is deterministic apart from serial number and timestamp', () => {
    const shuffled = { ...debian, packages: [...debian.packages].reverse() };
    assert.equal(renderCycloneDx(debian, FIXED), renderCycloneDx(shuffled, FIXED));
  });

  it('names the image by repository, digest and oci purl, with tags and platform as properties', () => {
    const doc = cyclonedxDocument(syntheticInventory(), FIXED) as Doc;
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
    const root = doc.metadata.component;
    assert.equal(root.name, 'registry.example:5000/team/app');
    assert.equal(root.version, 'sha256:' + 'c'.repeat(64));
    assert.equal(root.purl, `pkg:oci/app@sha256:${'c'.repeat(64)}?arch=arm64&repository_url=registry.example%3A5000%2Fteam%2Fapp&tag=1.2`);
    assert.ok(root.properties.some((p: Doc) => p.name === 'bulwark:image:repoTag' && p.value === 'registry.example:5000/team/app:1.2'));
    assert.ok(root.properties.some((p: Doc) => p.name === 'bulwark:image:platform' && p.value === 'linux/arm64/v8'));
  });

  it('keeps bom-refs unique when one purl is found at two paths', () => {
    const doc = cyclonedxDocument(syntheticInventory(), FIXED) as Doc;
    const refs = doc.components.map((c: Doc) => c['bom-ref']);
    assert.equal(new Set(refs).size, refs.length);
    assert.deepEqual(refs.filter((r: string) => r.startsWith('pkg:npm/')), ['pkg:npm/left-pad@1.3.0', 'pkg:npm/left-pad@1.3.0?package-id=2']);
  });

  it('writes SPDX ids, expressions and free-text names as the schema allows', () => {
    assert.deepEqual(cdxLicenses(['MIT']), [{ license: { id: 'MIT' } }]);
    assert.deepEqual(cdxLicenses(['Apache-2.0 AND MIT']), [{ expression: 'Apache-2.0 AND MIT' }]);
    assert.deepEqual(cdxLicenses(['GPL-2+', 'bsd-3-clause']), [{ license: { name: 'GPL-2+' } }, { license: { id: 'BSD-3-Clause' } }]);
    // an expression among several licenses cannot be an "expression" entry: it is kept as text
    assert.deepEqual(cdxLicenses(['WTFPL OR MIT', 'MIT']), [{ license: { name: 'WTFPL OR MIT' } }, { license: { id: 'MIT' } }]);
    assert.equal(cdxLicenses([]), undefined);
  });

  it('validates for a directory scan (no image digest)', () => {
    const inv: Inventory = { ...syntheticInventory(), target: { kind: 'rootfs', reference: '/srv/rootfs', repoTags: [], repoDigests: [] }, layers: [] };
    const doc = cyclonedxDocument(inv, FIXED) as Doc;
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
    assert.equal(doc.metadata.component.type, 'file');
    assert.equal(doc.metadata.component.purl, undefined);
  });

  it('validates for the real Debian bookworm image in ../shared', async (t) => {
    const path = shared('images/debian-bookworm-ssh.oci.tar');
    if (!path) return t.skip(SHARED_SKIP);
    const inv = (await scanImage(path, { cacheDir: `${dir}/cache`, noCache: true })).inventory;
    const doc = cyclonedxDocument(inv, FIXED) as Doc;
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
    assert.equal(doc.components.length, inv.packages.length + 1);
    assert.ok(inv.packages.length > 50);
  });
});
