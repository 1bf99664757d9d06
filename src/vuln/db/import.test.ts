import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isBulwarkError } from '../../shared/errors.js';
import { tempDir } from '../../../test/helpers/fixtures.js';
import { importAdvisories } from './import.js';
import { dbPath } from './schema.js';
import { openAdvisoryDb } from './store.js';
import { makeZip, osv } from './__fixtures__/fixtures.js';

const jsonl = (...lines: unknown[]): string => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

test('imports a directory of zip, jsonl, jsonl.gz and json files (recursive); invalid records are counted, not fatal', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const src = join(dir, 'src');
  await mkdir(join(src, 'nested'), { recursive: true });
  await writeFile(join(src, 'Debian.jsonl'), jsonl(osv('DSA-1-1', 'Debian:11', 'openssl', { upstream: ['CVE-2024-1'] }), '{not json', { id: 'bad id!', modified: 'x' }));
  await writeFile(join(src, 'PyPI.jsonl.gz'), gzipSync(jsonl(osv('PYSEC-1', 'PyPI', 'Foo_Bar', { aliases: ['CVE-2024-1', 'GHSA-1'] }))));
  await writeFile(join(src, 'nested', 'Go.zip'), await makeZip([osv('GO-1', 'Go', 'github.com/A/b')], { 'README.txt': 'skip me' }));
  await writeFile(join(src, 'nested', 'one.json'), JSON.stringify(osv('DSA-2-1', 'Debian:12', 'openssl')));
  await writeFile(join(src, 'MANIFEST.json'), '{"not": "an advisory"}');
  await writeFile(join(src, 'notes.txt'), 'ignored');

  const r = await importAdvisories(dir, src);
  assert.equal(r.files, 4);
  assert.equal(r.records, 4);
  assert.equal(r.invalid, 2);
  assert.deepEqual(r.counts, { Debian: 2, PyPI: 1, Go: 1 });

  const db = openAdvisoryDb(dir);
  t.after(() => db.close());
  assert.deepEqual(db.lookup('Debian', 'openssl').map((a) => a.id), ['DSA-1-1', 'DSA-2-1'], 'a bare ecosystem spans releases');
  assert.deepEqual(db.lookup('Debian:12', 'openssl').map((a) => a.id), ['DSA-2-1'], 'a release matches only itself');
  assert.deepEqual(db.lookup('PyPI', 'foo.bar').map((a) => a.id), ['PYSEC-1'], 'PEP 503');
  assert.deepEqual(db.lookup('Go', 'github.com/a/b'), [], 'Go names are case-sensitive');
  assert.deepEqual(db.lookupByAlias('CVE-2024-1').map((a) => a.id), ['DSA-1-1', 'PYSEC-1']);
  assert.deepEqual(db.lookupByAlias('PYSEC-1').map((a) => a.id), ['DSA-1-1', 'PYSEC-1'], 'siblings through a shared alias');
  assert.deepEqual(db.lookupByAlias('GO-1').map((a) => a.id), ['GO-1']);
  assert.deepEqual(db.get('GO-1'), osv('GO-1', 'Go', 'github.com/A/b'), 'get returns the record as imported');
  assert.equal(db.get('nope'), undefined);
  const hits = db.lookupAffected('Debian', 'openssl');
  assert.deepEqual(hits.map((h) => h.ecosystem), ['Debian:11', 'Debian:12']);
  const s = db.status();
  assert.equal(s.advisories, 4);
  assert.deepEqual(s.ecosystems, { Debian: 2, Go: 1, PyPI: 1 });
  assert.equal(s.sources.length, 1);
  assert.equal(s.sources[0]!.invalid, 2);
});

test('lookup narrows affected[] to the package; withdrawn advisories only on request', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const multi = osv('USN-1', 'Ubuntu:20.04:LTS', 'curl', {
    affected: [
      { package: { ecosystem: 'Ubuntu:20.04:LTS', name: 'curl' }, versions: ['1'] },
      { package: { ecosystem: 'Ubuntu:22.04:LTS', name: 'curl' }, versions: ['2'] },
      { package: { ecosystem: 'Ubuntu:22.04:LTS', name: 'libcurl' }, versions: ['3'] },
      { ranges: [{ type: 'GIT', repo: 'https://example.invalid/curl', events: [{ introduced: 'abc' }] }] },
    ],
  });
  const gone = osv('PYSEC-9', 'PyPI', 'aamiles', { withdrawn: '2024-11-22T04:37:03Z' });
  await writeFile(join(dir, 'in.jsonl'), jsonl(multi, gone));
  await importAdvisories(dir, join(dir, 'in.jsonl'));
  const db = openAdvisoryDb(dir);
  t.after(() => db.close());
  assert.deepEqual(db.lookup('Ubuntu', 'curl')[0]!.affected!.map((a) => a.versions), [['1'], ['2']]);
  assert.deepEqual(db.lookup('Ubuntu:22.04:LTS', 'curl')[0]!.affected!.map((a) => a.versions), [['2']]);
  assert.deepEqual(db.get('USN-1'), multi, 'get rebuilds the whole record, GIT-only entry included');
  assert.deepEqual(db.lookup('PyPI', 'AAmiles'), []);
  assert.deepEqual(db.lookup('PyPI', 'AAmiles', { includeWithdrawn: true }).map((a) => a.id), ['PYSEC-9']);
});

test('merge keeps the newer `modified`; --replace starts over; a failed import leaves the DB as it was', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const v1 = osv('GHSA-x', 'npm', 'left-pad', { modified: '2024-01-01T00:00:00Z', summary: 'v1' });
  const v2 = { ...v1, modified: '2024-02-01T00:00:00Z', summary: 'v2' };
  await writeFile(join(dir, 'a.jsonl'), jsonl(v2, osv('GHSA-y', 'npm', 'y')));
  await writeFile(join(dir, 'b.jsonl'), jsonl(v1, osv('GHSA-z', 'npm', 'z')));
  await importAdvisories(dir, join(dir, 'a.jsonl'));
  const merged = await importAdvisories(dir, join(dir, 'b.jsonl'));
  assert.equal(merged.written, 1, 'the older copy of GHSA-x is not written');
  let db = openAdvisoryDb(dir);
  assert.equal(db.get('GHSA-x')!.summary, 'v2');
  assert.equal(db.status().advisories, 3);
  db.close();

  await importAdvisories(dir, join(dir, 'b.jsonl'), { replace: true });
  db = openAdvisoryDb(dir);
  assert.equal(db.get('GHSA-x')!.summary, 'v1');
  assert.equal(db.get('GHSA-y'), undefined);
  db.close();

  const before = await readFile(dbPath(dir));
  await writeFile(join(dir, 'broken.zip'), Buffer.concat([(await makeZip([osv('GHSA-q', 'npm', 'q')])).subarray(0, 40), Buffer.alloc(100)]));
  await assert.rejects(importAdvisories(dir, join(dir, 'broken.zip'), { replace: true }), (err) => isBulwarkError(err, 'DB_ERROR') && /database unchanged/.test(err.message));
  assert.deepEqual(await readFile(dbPath(dir)), before, 'the live DB is byte-identical');
  await assert.rejects(importAdvisories(dir, join(dir, 'missing')), (err) => isBulwarkError(err, 'NOT_FOUND'));
});

test('caps: an over-long line and an oversized zip entry are skipped and counted; a gzip bomb fails the import', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const big = osv('GHSA-big', 'npm', 'big', { details: 'x'.repeat(5000) });
  await writeFile(join(dir, 'a.jsonl'), jsonl(big, osv('GHSA-ok', 'npm', 'ok')));
  const r = await importAdvisories(dir, join(dir, 'a.jsonl'), { limits: { maxRecordBytes: 4096 } });
  assert.deepEqual([r.records, r.invalid], [1, 1]);
  await writeFile(join(dir, 'b.zip'), await makeZip([big, osv('GHSA-ok2', 'npm', 'ok')]));
  const z = await importAdvisories(dir, join(dir, 'b.zip'), { limits: { maxRecordBytes: 4096 } });
  assert.deepEqual([z.records, z.invalid], [1, 1]);
  await writeFile(join(dir, 'bomb.jsonl.gz'), gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
  await assert.rejects(importAdvisories(dir, join(dir, 'bomb.jsonl.gz'), { limits: { maxArchiveBytes: 1024 * 1024 } }), /inflates beyond/);
  assert.ok((await stat(dbPath(dir))).size > 0);
});
