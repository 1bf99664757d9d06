import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { rustCargoLockCataloger } from './cataloger.js';

const LOCK = 'version = 3\n[[package]]\nname = "itoa"\nversion = "1.0.9"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';

describe('rustCargoLockCataloger', () => {
  const cases: [string, boolean][] = [
    ['/src/app/Cargo.lock', true],
    ['/Cargo.lock', true],
    ['/src/app/Cargo.toml', false],
    ['/src/app/cargo.lock', false],
    ['/src/app/NotCargo.lock', false],
  ];
  for (const [path, want] of cases) {
    it(`wants ${path}: ${want}`, () => assert.equal(rustCargoLockCataloger.wants(path, 100, 0o644), want));
  }

  it('reads content from memory and from a spooled temp file', async () => {
    const fromMemory = await rustCargoLockCataloger.analyze({ path: '/a/Cargo.lock', size: LOCK.length, mode: 0o644, content: Buffer.from(LOCK) });
    const { dir, cleanup } = await tempDir();
    try {
      const tempPath = join(dir, 'spool');
      await writeFile(tempPath, LOCK);
      const fromDisk = await rustCargoLockCataloger.analyze({ path: '/a/Cargo.lock', size: LOCK.length, mode: 0o644, tempPath });
      assert.deepEqual(fromDisk, fromMemory);
      assert.equal(fromMemory!.packages[0]!.purl, 'pkg:cargo/itoa@1.0.9');
    } finally {
      await cleanup();
    }
  });
});
