import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { mavenJar } from './__fixtures__/zip.js';
import { javaArchiveCataloger } from './cataloger.js';

describe('javaArchiveCataloger', () => {
  it('wants Java archives by extension', () => {
    assert.equal(javaArchiveCataloger.wants('/opt/app/app.jar', 10, 0o644), true);
    assert.equal(javaArchiveCataloger.wants('/var/jenkins_home/plugins/git.hpi', 10, 0o644), true);
    assert.equal(javaArchiveCataloger.wants('/opt/app/app.zip', 10, 0o644), false);
  });

  it('hashes the archive the same from memory and from a temp file', async () => {
    const content = await mavenJar('org.ex', 'lib', '1.0');
    const mem = await javaArchiveCataloger.analyze({ path: '/lib.jar', size: content.length, mode: 0o644, content });
    const { dir, cleanup } = await tempDir();
    try {
      const tempPath = join(dir, 'spool');
      await writeFile(tempPath, content);
      const disk = await javaArchiveCataloger.analyze({ path: '/lib.jar', size: content.length, mode: 0o644, tempPath });
      assert.equal(mem?.packages[0]!.purl, 'pkg:maven/org.ex/lib@1.0');
      assert.deepEqual(disk, mem);
      assert.match(String(mem?.packages[0]!.metadata?.sha1), /^[0-9a-f]{40}$/);
    } finally {
      await cleanup();
    }
  });

  it('returns null for an archive without any identity', async () => {
    const content = Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1'); // an empty zip
    assert.equal(await javaArchiveCataloger.analyze({ path: '/app.jar', size: content.length, mode: 0o644, content }), null);
  });
});
