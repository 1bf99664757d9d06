import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { pythonInstalledCataloger, pythonLockCataloger } from './cataloger.js';

describe('python catalogers: wants()', () => {
  const cases: [string, boolean, boolean][] = [
    // path, installed, lock
    ['/usr/local/lib/python3.12/site-packages/Flask-3.0.0.dist-info/METADATA', true, false],
    ['/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO', true, false],
    ['/usr/lib/python3/dist-packages/python_apt-2.6.0.egg-info', true, false],
    ['/usr/lib/python3.6/site-packages/setuptools-39.egg/EGG-INFO/PKG-INFO', true, false],
    ['/usr/local/lib/python3.12/site-packages/Flask-3.0.0.dist-info/RECORD', false, false],
    ['/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/requires.txt', false, false],
    ['/app/poetry.lock', false, true],
    ['/app/Pipfile.lock', false, true],
    ['/app/uv.lock', false, true],
    ['/app/requirements.txt', false, true],
    ['/app/requirements-dev.txt', false, true],
    ['/app/dev-requirements.txt', false, true],
    ['/app/yarn.lock', false, false],
    ['/app/notes.txt', false, false],
    ['/app/Pipfile', false, false],
  ];
  for (const [path, installed, lock] of cases) {
    it(path, () => {
      assert.equal(pythonInstalledCataloger.wants(path, 100, 0o644), installed);
      assert.equal(pythonLockCataloger.wants(path, 100, 0o644), lock);
    });
  }
});

describe('python catalogers: analyze()', () => {
  it('dispatches lockfiles by name', async () => {
    const file = (path: string, text: string) => ({ path, size: text.length, mode: 0o644, content: Buffer.from(text) });
    const poetry = await pythonLockCataloger.analyze(file('/a/poetry.lock', '[[package]]\nname = "six"\nversion = "1.16.0"\n'));
    const reqs = await pythonLockCataloger.analyze(file('/a/requirements.txt', 'six==1.16.0\n'));
    assert.equal(poetry!.packages[0]!.purl, 'pkg:pypi/six@1.16.0');
    assert.deepEqual(reqs, poetry);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('six==1.16.0\r\n', 'utf16le')]);
    const windows = await pythonLockCataloger.analyze({ path: '/a/requirements.txt', size: utf16.length, mode: 0o644, content: utf16 });
    assert.deepEqual(windows, poetry, 'UTF-16LE from PowerShell redirection');
  });

  it('reads only the head of a spooled METADATA file', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const tempPath = join(dir, 'spool');
      const text = `Name: big\nVersion: 1.0\n\n${'x'.repeat(3 * 1024 * 1024)}\n`;
      await writeFile(tempPath, text);
      const r = await pythonInstalledCataloger.analyze({ path: '/x/big-1.0.dist-info/METADATA', size: text.length, mode: 0o644, tempPath });
      assert.equal(r!.packages[0]!.name, 'big');
    } finally {
      await cleanup();
    }
  });
});
