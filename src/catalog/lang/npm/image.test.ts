/** End to end: an image with a Debian-owned global npm, app node_modules, and npm, yarn and pnpm lockfiles. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import type { ImageSpec } from '../../../image/writer.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { dpkgCataloger } from '../../os/dpkg/cataloger.js';
import { npmLockCataloger, npmPackageCataloger } from './cataloger.js';

const NPM_JSON = '/usr/lib/node_modules/npm/package.json';

function spec(): ImageSpec {
  const lock = { name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/express': { version: '4.18.2', license: 'MIT' }, 'node_modules/jest': { version: '29.7.0', dev: true } } };
  return {
    layers: [
      {
        createdBy: 'RUN apt-get install -y npm',
        files: [
          { path: 'usr/lib/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
          { path: 'var/lib/dpkg/status', content: 'Package: npm\nStatus: install ok installed\nVersion: 9.2.0~ds1-1\nArchitecture: all\n' },
          { path: 'var/lib/dpkg/info/npm.list', content: `/.\n/usr/lib/node_modules/npm\n${NPM_JSON}\n` },
          { path: NPM_JSON.slice(1), content: JSON.stringify({ name: 'npm', version: '9.2.0', license: 'Artistic-2.0' }) },
        ],
      },
      {
        createdBy: 'COPY . /app && RUN npm ci',
        files: [
          { path: 'app/package.json', content: JSON.stringify({ name: 'app', version: '1.0.0' }) },
          { path: 'app/package-lock.json', content: JSON.stringify(lock, null, 2) },
          { path: 'app/node_modules/express/package.json', content: JSON.stringify({ name: 'express', version: '4.18.2', license: 'MIT' }) },
          { path: 'app/node_modules/express/lib/package.json', content: '{"type":"commonjs"}' },
          { path: 'app/node_modules/@types/node/package.json', content: JSON.stringify({ name: '@types/node', version: '20.10.0', license: 'MIT' }) },
          { path: 'app/node_modules/left-pad/yarn.lock', content: '# yarn lockfile v1\n\n\nnot-installed@^1:\n  version "1.0.0"\n' },
          { path: 'web/yarn.lock', content: '# yarn lockfile v1\n\n\nreact@^18.2.0:\n  version "18.2.0"\n' },
          { path: 'web/pnpm-lock.yaml', content: "lockfileVersion: '9.0'\n\npackages:\n\n  vite@5.0.10:\n    resolution: {integrity: sha512-x}\n" },
          { path: 'broken/package-lock.json', content: '{"packages": {' },
        ],
      },
    ],
  };
}

describe('npm catalogers in an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('finds installed and locked packages, marks the Debian-owned npm, warns on a broken lockfile', async () => {
    // spool the lockfiles (> 200 bytes) to disk so the tempPath branch runs too; the dpkg files stay in memory
    process.env.BULWARK_SPOOL_BYTES = '200';
    try {
      const img = await makeImage(dir, spec(), { format: 'oci-layout' });
      const catalogers = [dpkgCataloger, npmPackageCataloger, npmLockCataloger];
      const { inventory } = await scanImage(img.path, { catalogers, noCache: true, cacheDir: `${dir}/cache` });
      const rows = inventory.packages
        .filter((p) => p.type === 'npm')
        .map((p) => `${p.purl} ${p.locations[0]!.path}#${p.locations[0]!.layerIndex}${p.osManaged ? ' os' : ''}${p.metadata?.dev ? ' dev' : ''} ${p.foundBy}`);
      assert.deepEqual(rows, [
        'pkg:npm/%40types/node@20.10.0 /app/node_modules/@types/node/package.json#1 javascript-package-cataloger',
        'pkg:npm/express@4.18.2 /app/node_modules/express/package.json#1 javascript-package-cataloger',
        'pkg:npm/express@4.18.2 /app/package-lock.json#1 javascript-lock-cataloger',
        'pkg:npm/jest@29.7.0 /app/package-lock.json#1 dev javascript-lock-cataloger',
        `pkg:npm/npm@9.2.0 ${NPM_JSON}#0 os javascript-package-cataloger`,
        'pkg:npm/react@18.2.0 /web/yarn.lock#1 javascript-lock-cataloger',
        'pkg:npm/vite@5.0.10 /web/pnpm-lock.yaml#1 javascript-lock-cataloger',
      ]);
      assert.ok(inventory.warnings.some((w) => w.includes('/broken/package-lock.json') && w.includes('not valid JSON')));
    } finally {
      delete process.env.BULWARK_SPOOL_BYTES;
    }
  });
});
