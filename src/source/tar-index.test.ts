/** The archive index reads headers as the layer walker does: GNU and pax long names, links, truncation. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../../test/helpers/fixtures.js';
import { indexTar } from './tar-index.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

const long = `${'d'.repeat(90)}/${'e'.repeat(90)}/blob-with-a-long-name.json`;

describe('indexTar', () => {
  for (const format of ['gnu', 'posix']) {
    it(`finds members with long names and links in a GNU tar --format=${format} archive`, async (t) => {
      const src = join(dir, `src-${format}`);
      await mkdir(join(src, 'd'.repeat(90), 'e'.repeat(90)), { recursive: true });
      await writeFile(join(src, long), '{"ok":true}');
      await symlink(long, join(src, 'link'));
      const out = join(dir, `${format}.tar`);
      const r = spawnSync('tar', [`--format=${format}`, '-cf', out, '-C', src, '.']);
      if (r.status !== 0) return t.skip(`tar --format=${format} unavailable`);
      const members = await indexTar(out);
      const m = members.get(long);
      assert.ok(m, [...members.keys()].join(', '));
      assert.equal(m.type, 'file');
      const bytes = await readFile(out);
      assert.equal(bytes.toString('utf8', m.offset, m.offset + m.size), '{"ok":true}');
      assert.deepEqual([members.get('link')?.type, members.get('link')?.linkname], ['symlink', long]);
    });
  }

  it('random bytes and cut archives are one-line errors naming the file', async () => {
    const garbage = join(dir, 'garbage.tar');
    await writeFile(garbage, Buffer.alloc(2048, 7));
    await assert.rejects(indexTar(garbage), /garbage\.tar is not a valid tar archive \(bad header at byte 0\)/);
    const src = join(dir, 'src-cut');
    await mkdir(src);
    await writeFile(join(src, 'big'), Buffer.alloc(5000, 1));
    const cut = join(dir, 'cut.tar');
    spawnSync('tar', ['-cf', cut, '-C', src, 'big']);
    await truncate(cut, 2048);
    await assert.rejects(indexTar(cut), /cut\.tar is truncated \(member at byte 0 needs 5000 bytes/);
  });
});
