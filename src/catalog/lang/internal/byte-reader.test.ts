import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { MAX_READ, bufferReader, findAll, readExact, withReader } from './byte-reader.js';

async function collect(it: AsyncGenerator<number>): Promise<number[]> {
  const out: number[] = [];
  for await (const n of it) out.push(n);
  return out;
}

describe('byte reader', () => {
  it('finds every match, including across chunk boundaries', async () => {
    const buf = Buffer.from('xxABCxxxxABCxABC');
    for (const chunk of [1, 2, 3, 4, 7, 100]) {
      assert.deepEqual(await collect(findAll(bufferReader(buf), Buffer.from('ABC'), 0, buf.length, chunk)), [2, 9, 13], `chunk ${chunk}`);
    }
    assert.deepEqual(await collect(findAll(bufferReader(buf), Buffer.from('ABC'), 3, 12, 4)), [9]);
  });

  it('reads a temp file with positioned reads and agrees with the buffer reader', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const buf = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
      const p = join(dir, 'f');
      await writeFile(p, buf);
      await withReader({ path: '/f', size: buf.length, mode: 0o644, tempPath: p }, async (r) => {
        assert.equal(r.size, 5000);
        assert.deepEqual(await r.read(4990, 100), buf.subarray(4990));
        assert.equal((await r.read(6000, 10)).length, 0);
        await assert.rejects(readExact(r, 4990, 20, 'thing'), /truncated thing/);
      });
    } finally {
      await cleanup();
    }
  });

  it('refuses oversized and negative reads', async () => {
    const r = bufferReader(Buffer.alloc(10));
    await assert.rejects(r.read(0, MAX_READ + 1), /exceeds/);
    await assert.rejects(r.read(-1, 1), /bad read range/);
  });
});
