import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { debianLikeSpec, makeImage, runCli, tempDir } from '../../test/helpers/fixtures.js';
import { schemaErrors } from '../../test/schemas/validate.js';
import { readSbom } from './read-sbom.js';

// runs the built CLI (dist/): `npx tsc -p tsconfig.json` first
describe('bulwark sbom', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let image: string;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    image = (await makeImage(dir, debianLikeSpec(), { format: 'oci-archive' }, 'deb')).path;
  });
  after(() => cleanup());

  it('prints a schema-valid CycloneDX 1.6 BOM by default', async () => {
    const res = await runCli(['sbom', image, '-q', '--cache-dir', `${dir}/cache`]);
    assert.equal(res.code, 0, res.stderr);
    const doc = JSON.parse(res.stdout);
    assert.equal(doc.specVersion, '1.6');
    assert.deepEqual(schemaErrors('cyclonedx', doc), []);
    assert.deepEqual(readSbom(res.stdout).packages.map((p) => p.name), ['base-files', 'curl', 'libssl3']);
  });

  it('writes SPDX 2.3 to a file with --format spdx -o', async () => {
    const out = `${dir}/sbom.spdx.json`;
    const res = await runCli(['sbom', image, '--format', 'spdx', '-o', out, '-q', '--cache-dir', `${dir}/cache`]);
    assert.equal(res.code, 0, res.stderr);
    const text = await readFile(out, 'utf8');
    assert.deepEqual(schemaErrors('spdx', JSON.parse(text)), []);
    const back = readSbom(text);
    assert.equal(back.os?.family, 'debian');
    assert.equal(back.packages.find((p) => p.name === 'curl')?.locations[0]?.layerIndex, 1);
  });
});
