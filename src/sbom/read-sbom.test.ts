import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage, type Inventory } from '../app/inventory.js';
import type { Package } from '../catalog/types.js';
import { isBulwarkError } from '../shared/errors.js';
import { debianLikeSpec, makeImage, tempDir } from '../../test/helpers/fixtures.js';
import { syntheticInventory } from './__fixtures__/inventory.js';
import { renderSbom } from './index.js';
import { readSbom } from './read-sbom.js';

/** The fields an SBOM must carry through a round trip. */
function essentials(p: Package): unknown {
  return {
    name: p.name, version: p.version, type: p.type, purl: p.purl, sourceName: p.sourceName, sourceVersion: p.sourceVersion,
    licenses: p.licenses, foundBy: p.foundBy, osManaged: p.osManaged ?? false, locations: p.locations,
  };
}
const sorted = (pkgs: Package[]): unknown[] => pkgs.map(essentials).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('readSbom: Bulwark SBOMs round-trip', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let debian: Inventory;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const img = await makeImage(dir, debianLikeSpec(), { format: 'oci-layout' }, 'deb');
    debian = (await scanImage(img.path, { cacheDir: `${dir}/cache`, noCache: true })).inventory;
  });
  after(() => cleanup());

  for (const format of ['cyclonedx', 'spdx'] as const) {
    it(`inventory -> ${format} -> readSbom keeps packages, layers, licenses and the OS`, () => {
      for (const inv of [debian, syntheticInventory()]) {
        const back = readSbom(renderSbom(inv, format));
        assert.equal(back.format, format);
        assert.equal(back.tool, 'bulwark');
        assert.deepEqual(sorted(back.packages), sorted(inv.packages));
        assert.equal(back.os?.family, inv.os?.family);
        assert.equal(back.os?.version, inv.os?.version);
        assert.deepEqual(back.warnings, []);
      }
      const back = readSbom(Buffer.from(renderSbom(syntheticInventory(), format)));
      assert.equal(back.target.name, 'registry.example:5000/team/app');
      assert.equal(back.target.version, 'sha256:' + 'c'.repeat(64));
      assert.equal(back.packages.find((p) => p.name === 'musl')?.arch, 'aarch64');
    });
  }
});

describe('readSbom: bad input', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"bomFormat": ', /is not valid JSON/],
    ['XML', '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>', /XML SBOMs are not read/],
    ['an array', '[]', /not a JSON object/],
    ['an unknown document', '{"hello": 1}', /neither CycloneDX JSON/],
    ['CycloneDX 1.2', '{"bomFormat":"CycloneDX","specVersion":"1.2"}', /specVersion: unsupported CycloneDX version/],
    ['a component without a name', '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library"}]}', /components\.0\.name/],
    ['a purl that is a number', '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","purl":5}]}', /components\.0\.purl/],
    ['SPDX 2.1', '{"spdxVersion":"SPDX-2.1","SPDXID":"SPDXRef-DOCUMENT"}', /spdxVersion/],
    ['SPDX packages that are not a list', '{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":{}}', /packages/],
    ['SPDX 3', '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}', /SPDX 3/],
    ['deep nesting', '{"bomFormat":"CycloneDX","specVersion":"1.6","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}', /nested deeper/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what} with a one-line MALFORMED_MANIFEST error`, () => {
      assert.throws(() => readSbom(text, 'sbom.json'), (err: unknown) => {
        assert.ok(isBulwarkError(err, 'MALFORMED_MANIFEST'), String(err));
        assert.match(err.message, message);
        assert.match(err.message, /^sbom\.json /);
        assert.ok(!err.message.includes('\n'));
        return true;
      });
    });
  }

  it('skips, and counts, entries it cannot type instead of failing', () => {
    const bom = { bomFormat: 'CycloneDX', specVersion: '1.6', components: [
      { type: 'library', name: 'a', purl: 'pkg:generic/a@1' },
      { type: 'library', name: 'b', purl: 'not a purl' },
      { type: 'library', name: 'c', version: '1', purl: 'pkg:npm/c@1' },
      { type: 'file', name: '/etc/passwd' },
    ] };
    const res = readSbom(JSON.stringify(bom));
    assert.deepEqual(res.packages.map((p) => p.name), ['c']);
    assert.deepEqual(res.warnings, ['1 component skipped (purl type generic)', '1 component skipped (malformed purl)']);
  });
});
