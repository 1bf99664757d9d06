/** End to end: an image with installed Python packages (pip and Debian), a poetry.lock and a Cargo.lock. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import type { ImageSpec } from '../../../image/writer.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { dpkgCataloger } from '../../os/dpkg/cataloger.js';
import { rustCargoLockCataloger } from '../rust-lock/cataloger.js';
import { pythonInstalledCataloger, pythonLockCataloger } from './cataloger.js';

const DIST = '/usr/lib/python3/dist-packages';

function spec(): ImageSpec {
  const status = 'Package: python3-requests\nStatus: install ok installed\nVersion: 2.28.1+dfsg-1\nArchitecture: all\n\nPackage: python3-apt\nStatus: install ok installed\nVersion: 2.6.0\nArchitecture: amd64\n';
  return {
    layers: [
      {
        createdBy: 'RUN apt-get install -y python3-requests python3-apt',
        files: [
          { path: 'usr/lib/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
          { path: 'var/lib/dpkg/status', content: status },
          // dpkg lists the egg-info directory and each file in it (as Debian 12's python3-requests.list does)
          { path: 'var/lib/dpkg/info/python3-requests.list', content: `/.\n${DIST}\n${DIST}/requests-2.28.1.egg-info\n${DIST}/requests-2.28.1.egg-info/PKG-INFO\n` },
          { path: 'var/lib/dpkg/info/python3-apt.list', content: `/.\n${DIST}/python_apt-2.6.0.egg-info\n` },
          { path: `${DIST.slice(1)}/requests-2.28.1.egg-info/PKG-INFO`, content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.28.1\nLicense: Apache 2.0\n' },
          { path: `${DIST.slice(1)}/python_apt-2.6.0.egg-info`, content: 'Metadata-Version: 1.1\nName: python-apt\nVersion: 2.6.0\nLicense: GNU GPL\n' },
        ],
      },
      {
        createdBy: 'RUN pip install flask && COPY . /app',
        files: [
          { path: 'usr/local/lib/python3.11/site-packages/Flask-3.0.0.dist-info/METADATA', content: 'Metadata-Version: 2.1\nName: Flask\nVersion: 3.0.0\nClassifier: License :: OSI Approved :: BSD License\n\nlong description\n' },
          { path: 'app/poetry.lock', content: '[[package]]\nname = "gunicorn"\nversion = "21.2.0"\ncategory = "main"\n\n[[package]]\nname = "pytest"\nversion = "7.4.0"\ncategory = "dev"\n' },
          { path: 'app/Cargo.lock', content: 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n\n[[package]]\nname = "serde"\nversion = "1.0.193"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n' },
          { path: 'app/broken/Cargo.lock', content: '[[package]\n' },
        ],
      },
    ],
  };
}

describe('python and Cargo.lock catalogers in an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('finds installed and locked packages, marking Debian-owned ones OS-managed', async () => {
    const img = await makeImage(dir, spec(), { format: 'oci-layout' });
    const catalogers = [dpkgCataloger, pythonInstalledCataloger, pythonLockCataloger, rustCargoLockCataloger];
    const { inventory } = await scanImage(img.path, { catalogers, noCache: true, cacheDir: `${dir}/cache` });
    const lang = inventory.packages.filter((p) => p.type !== 'deb');
    const row = (name: string) => {
      const p = lang.find((x) => x.name === name)!;
      return { purl: p.purl, path: p.locations[0]!.path, layer: p.locations[0]!.layerIndex, osManaged: p.osManaged ?? false, scope: p.metadata?.scope, foundBy: p.foundBy };
    };
    assert.deepEqual(lang.map((p) => p.name).sort(), ['Flask', 'gunicorn', 'pytest', 'python-apt', 'requests', 'serde']);
    assert.deepEqual(row('requests'), { purl: 'pkg:pypi/requests@2.28.1', path: `${DIST}/requests-2.28.1.egg-info/PKG-INFO`, layer: 0, osManaged: true, scope: undefined, foundBy: 'python-installed-package-cataloger' });
    assert.deepEqual(row('python-apt'), { purl: 'pkg:pypi/python-apt@2.6.0', path: `${DIST}/python_apt-2.6.0.egg-info`, layer: 0, osManaged: true, scope: undefined, foundBy: 'python-installed-package-cataloger' });
    assert.deepEqual(row('Flask'), { purl: 'pkg:pypi/flask@3.0.0', path: '/usr/local/lib/python3.11/site-packages/Flask-3.0.0.dist-info/METADATA', layer: 1, osManaged: false, scope: undefined, foundBy: 'python-installed-package-cataloger' });
    assert.deepEqual(row('pytest'), { purl: 'pkg:pypi/pytest@7.4.0', path: '/app/poetry.lock', layer: 1, osManaged: false, scope: 'dev', foundBy: 'python-package-cataloger' });
    assert.deepEqual(row('serde'), { purl: 'pkg:cargo/serde@1.0.193', path: '/app/Cargo.lock', layer: 1, osManaged: false, scope: undefined, foundBy: 'rust-cargo-lock-cataloger' });
    assert.deepEqual(lang.find((p) => p.name === 'Flask')!.licenses, ['BSD License']);
    assert.ok(inventory.warnings.some((w) => w.includes('/app/broken/Cargo.lock') && w.includes('invalid Cargo.lock')), inventory.warnings.join('\n'));
  });
});
