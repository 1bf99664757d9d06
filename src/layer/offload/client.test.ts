/** The digest worker, run from the sources (the tsx boot path) as the CLI runs it from dist/. */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../../../test/helpers/fixtures.js';
import { digestInWorker, stopDigestWorker } from './client.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(async () => {
  await stopDigestWorker();
  await cleanup();
});

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('digest worker', () => {
  it('hashes regions of a file, several at once, as createHash does', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const file = join(dir, 'blob');
    await writeFile(file, bytes);
    const regions = [
      { start: 0, size: bytes.length },
      { start: 1000, size: 2 * 1024 * 1024 },
      { start: bytes.length - 10, size: 10 },
      { start: 5, size: 0 },
    ];
    const got = await Promise.all(regions.map((r) => digestInWorker({ file, ...r }).digest));
    assert.deepEqual(
      got,
      regions.map((r) => sha(bytes.subarray(r.start, r.start + r.size))),
    );
  });

  it('a region past the end of the file is an "unexpected end" error, a missing file ENOENT', async () => {
    const file = join(dir, 'short');
    await writeFile(file, Buffer.alloc(100));
    await assert.rejects(digestInWorker({ file, start: 50, size: 100 }).digest, /unexpected end of file/);
    await assert.rejects(digestInWorker({ file: join(dir, 'nope'), start: 0, size: 1 }).digest, (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  });
});
