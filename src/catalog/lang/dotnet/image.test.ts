/** End to end: a .NET app image with its deps.json, one copy replaced in a later layer. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { dotnetDepsCataloger } from './cataloger.js';

function deps(libs: Record<string, string>): string {
  const libraries: Record<string, unknown> = { 'WebApp/1.0.0': { type: 'project', serviceable: false, sha512: '' } };
  for (const [key, type] of Object.entries(libs)) libraries[key] = { type, serviceable: true, sha512: 'sha512-x', path: key.toLowerCase() };
  return JSON.stringify({ runtimeTarget: { name: '.NETCoreApp,Version=v8.0' }, targets: {}, libraries });
}

describe('dotnet deps.json cataloger in an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('reports the NuGet packages of the final deps.json with the layer that introduced each', async () => {
    const img = await makeImage(dir, {
      layers: [
        { files: [{ path: 'app/WebApp.deps.json', content: deps({ 'Newtonsoft.Json/13.0.1': 'package' }) }] },
        { files: [{ path: 'app/WebApp.deps.json', content: deps({ 'Newtonsoft.Json/13.0.1': 'package', 'Serilog/3.1.1': 'package', 'Legacy/1.0.0': 'reference' }) }] },
        { files: [{ path: 'app/Broken.deps.json', content: '{"libraries": ' }] },
      ],
    }, { format: 'oci-archive' });
    const { inventory } = await scanImage(img.path, { catalogers: [dotnetDepsCataloger], noCache: true, cacheDir: `${dir}/cache` });
    const rows = inventory.packages.map((p) => `${p.purl} ${p.locations[0]!.path}#${p.locations[0]!.layerIndex}`);
    assert.deepEqual(rows, ['pkg:nuget/Newtonsoft.Json@13.0.1 /app/WebApp.deps.json#0', 'pkg:nuget/Serilog@3.1.1 /app/WebApp.deps.json#1']);
    assert.ok(inventory.warnings.some((w) => w.includes('/app/Broken.deps.json')));
  });
});
