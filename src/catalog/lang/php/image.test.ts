/** End to end: a PHP image with composer's installed.json and the app's composer.lock. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { composerCataloger } from './cataloger.js';

describe('composer cataloger in an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('reads installed.json and composer.lock, skips a vendored composer.lock', async () => {
    const installed = { packages: [{ name: 'monolog/monolog', version: '3.5.0', license: ['MIT'] }], dev: false, 'dev-package-names': [] };
    const lock = { packages: [{ name: 'monolog/monolog', version: '3.5.0', license: ['MIT'] }], 'packages-dev': [{ name: 'phpunit/phpunit', version: '10.5.3', license: ['BSD-3-Clause'] }] };
    const img = await makeImage(dir, {
      layers: [
        { files: [{ path: 'var/www/html/composer.lock', content: JSON.stringify(lock) }] },
        {
          files: [
            { path: 'var/www/html/vendor/composer/installed.json', content: JSON.stringify(installed) },
            { path: 'var/www/html/vendor/monolog/monolog/composer.lock', content: JSON.stringify({ packages: [{ name: 'x/y', version: '1.0.0' }] }) },
          ],
        },
      ],
    }, { format: 'docker-archive' });
    const { inventory } = await scanImage(img.path, { catalogers: [composerCataloger], noCache: true, cacheDir: `${dir}/cache` });
    const rows = inventory.packages.map((p) => `${p.purl} ${p.licenses.join('|')} ${p.locations[0]!.path}#${p.locations[0]!.layerIndex}${p.metadata?.dev ? ' dev' : ''}`);
    assert.deepEqual(rows, [
      'pkg:composer/monolog/monolog@3.5.0 MIT /var/www/html/composer.lock#0',
      'pkg:composer/monolog/monolog@3.5.0 MIT /var/www/html/vendor/composer/installed.json#1',
      'pkg:composer/phpunit/phpunit@10.5.3 BSD-3-Clause /var/www/html/composer.lock#0 dev',
    ]);
  });
});
