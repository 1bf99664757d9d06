import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { isBulwarkError } from '../../shared/errors.js';
import { tempDir } from '../../../test/helpers/fixtures.js';
import { dbPath } from './schema.js';
import { openAdvisoryDb } from './store.js';
import { parseEcosystemsTxt, updateAdvisories } from './update.js';
import { makeZip, osv, runDbCli, startMirror } from './__fixtures__/fixtures.js';

const fast = { retries: 3, baseDelayMs: 10, maxDelayMs: 50, idleTimeoutMs: 5000 };

test('ecosystems.txt: one name a line; release names dropped when their base is listed; junk refused', () => {
  assert.deepEqual(parseEcosystemsTxt('PyPI\r\nDebian\nDebian:11\nAlpine:v3.19\n\nGo\n'), ['PyPI', 'Debian', 'Alpine:v3.19', 'Go']);
  assert.throws(() => parseEcosystemsTxt('PyPI\n../etc\n'), (err) => isBulwarkError(err, 'DB_ERROR'));
});

test('update: all ecosystems from ecosystems.txt, a 503 is retried, a second run gets 304s and skips, vanished records are pruned', async (t) => {
  const { dir, cleanup } = await tempDir();
  const mirror = await startMirror();
  t.after(async () => (await mirror.close(), await cleanup()));
  mirror.set('/ecosystems.txt', [{ body: 'PyPI\nGo\nGo:1.21\n' }]);
  mirror.set('/PyPI/all.zip', [{ status: 503 }, { body: await makeZip([osv('PYSEC-1', 'PyPI', 'Django'), osv('PYSEC-2', 'PyPI', 'flask')]), etag: '"p1"' }]);
  mirror.set('/Go/all.zip', [{ body: await makeZip([osv('GO-1', 'Go', 'golang.org/x/net')]), etag: '"g1"' }]);

  const first = await updateAdvisories(dir, { baseUrl: mirror.url + '/', retry: fast });
  assert.deepEqual(first.ecosystems.map((e) => [e.ecosystem, e.status, e.records]), [['Go', 'updated', 1], ['PyPI', 'updated', 2]]);
  assert.equal(mirror.log.filter((l) => l.path === '/PyPI/all.zip').length, 2, 'one 503, one retry');
  assert.ok(!mirror.log.some((l) => l.path.startsWith('/Go:1.21')), 'Go:1.21 is inside Go/all.zip');

  const stamp1 = openAdvisoryDb(dir).status().updatedAt!;
  const second = await updateAdvisories(dir, { baseUrl: mirror.url, retry: fast });
  assert.deepEqual(second.ecosystems.map((e) => e.status), ['unchanged', 'unchanged']);
  assert.equal(mirror.log.at(-1)!.ifNoneMatch !== undefined, true, 'conditional GET');
  const db = openAdvisoryDb(dir);
  assert.ok(db.status().updatedAt! > stamp1, 'a check with no change still refreshes the age');
  assert.equal(db.lookup('PyPI', 'django').length, 1);
  db.close();

  mirror.set('/PyPI/all.zip', [{ body: await makeZip([osv('PYSEC-1', 'PyPI', 'Django', { modified: '2025-01-01T00:00:00Z' })]), etag: '"p2"' }]);
  const third = await updateAdvisories(dir, { baseUrl: mirror.url, ecosystems: ['PyPI'], retry: fast });
  assert.deepEqual(third.ecosystems.map((e) => [e.ecosystem, e.status, e.written, e.pruned]), [['PyPI', 'updated', 1, 1]]);
  const db3 = openAdvisoryDb(dir);
  t.after(() => db3.close());
  assert.equal(db3.get('PYSEC-2'), undefined, 'gone from the feed, gone from the DB');
  assert.equal(db3.get('PYSEC-1')!.modified, '2025-01-01T00:00:00Z');
  assert.equal(db3.get('GO-1')!.id, 'GO-1', 'other ecosystems untouched');
});

test('update: a record that fails validation is skipped and counted', async (t) => {
  const { dir, cleanup } = await tempDir();
  const mirror = await startMirror();
  t.after(async () => (await mirror.close(), await cleanup()));
  mirror.set('/crates.io/all.zip', [{ body: await makeZip([osv('RUSTSEC-2024-0001', 'crates.io', 'hyper')], { 'BAD.json': '{"id":"BAD","modified":"soon"}', 'X.json': '[1' }) }]);
  const r = await updateAdvisories(dir, { baseUrl: mirror.url, ecosystems: ['crates.io'], retry: fast });
  assert.deepEqual([r.ecosystems[0]!.records, r.invalid], [1, 2]);
  const db = openAdvisoryDb(dir);
  t.after(() => db.close());
  assert.equal(db.status().sources[0]!.invalid, 2);
});

test('CLI: a corrupt zip fails the update with exit 6 and one line; the old DB is intact; status reports it', async (t) => {
  const { dir, cleanup } = await tempDir();
  const mirror = await startMirror();
  t.after(async () => (await mirror.close(), await cleanup()));
  mirror.set('/Go/all.zip', [{ body: await makeZip([osv('GO-1', 'Go', 'golang.org/x/net')]), etag: '"g1"' }]);
  mirror.set('/npm/all.zip', [{ body: await makeZip([osv('GHSA-1', 'npm', 'lodash')]), etag: '"n1"' }]);
  const env = { BULWARK_CACHE_DIR: dir, BULWARK_DB_URL: mirror.url };
  const ok = await runDbCli(['update', '--ecosystem', 'Go', 'npm'], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /updated 2 of 2 ecosystems \(2 advisories, 0 unchanged\)/);
  const before = await readFile(dbPath(dir));

  mirror.set('/Go/all.zip', [{ body: Buffer.from('PK\x03\x04 this is not a zip'), etag: '"g2"' }]);
  const bad = await runDbCli(['update', '--ecosystem', 'Go', '--ecosystem', 'npm', '-q'], env);
  assert.equal(bad.code, 6);
  assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
  assert.match(bad.stderr, /^bulwark: error: update failed, database unchanged: .*not a readable zip/);
  assert.deepEqual(await readFile(dbPath(dir)), before);

  const st = await runDbCli(['status', '--format', 'json'], { BULWARK_CACHE_DIR: dir });
  assert.equal(st.code, 0, st.stderr);
  const json = JSON.parse(st.stdout);
  assert.deepEqual(json.ecosystems, { Go: 1, npm: 1 });
  assert.equal(json.stale, false);
  assert.deepEqual(json.sources.map((s: { etag: string }) => s.etag).sort(), ['"g1"', '"n1"']);
  const table = await runDbCli(['status'], { BULWARK_CACHE_DIR: dir });
  assert.match(table.stdout, /^database {4}.*bulwark\.db$/m);
  assert.match(table.stdout, /^npm +1$/m);
});

test('CLI: network failures are retried, then a one-line exit 6; status without a DB is exit 6', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const r = await updateAdvisories(dir, { baseUrl: 'http://127.0.0.1:9', ecosystems: ['Go'], retry: fast }).catch((e: unknown) => e);
  assert.ok(isBulwarkError(r, 'DB_ERROR'));
  assert.match((r as Error).message, /after 4 attempts/);
  const st = await runDbCli(['status'], { BULWARK_CACHE_DIR: dir });
  assert.equal(st.code, 6);
  assert.match(st.stderr, /no advisory database at .* \(run `bulwark db update` or `bulwark db import`\)/);
});
