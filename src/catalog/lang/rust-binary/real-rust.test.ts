/** Optional: a real rustc-built ELF (skipped when rustc is absent) is parsed cleanly and yields nothing. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { goBinaryCataloger } from '../go-binary/cataloger.js';
import { rustBinaryCataloger } from './cataloger.js';

const hasRustc = spawnSync('rustc', ['--version']).status === 0;

describe('a real Rust binary without cargo-auditable', { skip: hasRustc ? false : 'rustc not installed' }, () => {
  it('has no .dep-v0 and is not mistaken for a Go binary', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'main.rs'), 'fn main() { println!("hi"); }\n');
      const r = spawnSync('rustc', ['-O', '-o', join(dir, 'hi'), join(dir, 'main.rs')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const content = await readFile(join(dir, 'hi'));
      const file = { path: '/hi', size: content.length, mode: 0o755, content };
      assert.equal(rustBinaryCataloger.sniff!('/hi', content.subarray(0, 64)), true);
      assert.equal(await rustBinaryCataloger.analyze(file), null);
      assert.equal(await goBinaryCataloger.analyze(file), null);
    } finally {
      await cleanup();
    }
  });
});
