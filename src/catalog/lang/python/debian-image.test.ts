/** Real data: Debian 12's python3-requests and its dependencies, owned by dpkg, in ../shared. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import { SHARED_SKIP, shared, tempDir } from '../../../../test/helpers/fixtures.js';
import { dpkgCataloger } from '../../os/dpkg/cataloger.js';
import { pythonInstalledCataloger } from './cataloger.js';

const image = shared('images/debian-bookworm-ssh.oci.tar');

describe('python-installed-package-cataloger on debian-bookworm-ssh', { skip: image ? false : SHARED_SKIP }, () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('finds the dist-packages distributions, all OS-managed', async () => {
    const { inventory } = await scanImage(image!, { catalogers: [dpkgCataloger, pythonInstalledCataloger], noCache: true, cacheDir: `${dir}/cache` });
    const py = inventory.packages.filter((p) => p.type === 'pypi');
    // the python3-* packages the image installs (python3-requests and its Depends), as dpkg-query lists them
    assert.deepEqual(py.map((p) => p.purl), [
      'pkg:pypi/certifi@2022.9.24',
      'pkg:pypi/chardet@5.1.0',
      'pkg:pypi/charset-normalizer@3.0.1',
      'pkg:pypi/idna@3.3',
      'pkg:pypi/requests@2.28.1',
      'pkg:pypi/six@1.16.0',
      'pkg:pypi/urllib3@1.26.12',
    ]);
    for (const p of py) assert.equal(p.osManaged, true, `${p.name} is owned by a python3-* deb`);
    assert.deepEqual(py.find((p) => p.name === 'requests')!.licenses, ['Apache 2.0']);
    assert.equal(py.find((p) => p.name === 'chardet')!.locations[0]!.path, '/usr/lib/python3/dist-packages/chardet-5.1.0.dist-info/METADATA');
  });
});
