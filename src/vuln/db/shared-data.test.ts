/**
 * Real data: all of ../shared/osv (about 88k OSV records from 11 feeds) imports completely, lookups
 * of 1,000 real packages all return records, and the one record that fails validation upstream (an
 * Alpine placeholder id) is counted. Timings are reported as diagnostics only: the budgets (import
 * < 60 s, matching 1,000 packages < 1 s) are measured by `npm run bench`, not asserted here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { shared, SHARED_SKIP, tempDir } from '../../../test/helpers/fixtures.js';
import { importAdvisories } from './import.js';
import { dbPath } from './schema.js';
import { dbFreshness } from './status.js';
import { openAdvisoryDb } from './store.js';

const osvDir = shared('osv');

test('imports all of ../shared/osv within budget; 1,000 lookups well under 1 s', { skip: osvDir ? false : SHARED_SKIP, timeout: 180_000 }, async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  const r = await importAdvisories(dir, osvDir!);
  const size = (await stat(dbPath(dir))).size;
  t.diagnostic(`import: ${r.records} records, ${r.invalid} invalid, ${r.seconds.toFixed(1)} s, DB ${(size / 1048576).toFixed(0)} MiB`);
  assert.ok(r.records > 88_000, `${r.records} records`);
  assert.equal(r.invalid, 1, r.samples.join('; '));

  const raw = new Database(dbPath(dir), { readonly: true });
  const pkgs = raw
    .prepare(`SELECT base, name FROM (SELECT DISTINCT base, name FROM affected WHERE base IN ('Debian', 'Ubuntu', 'Alpine', 'AlmaLinux', 'PyPI', 'Go', 'RubyGems', 'crates.io')) ORDER BY name LIMIT 1000`)
    .all() as { base: string; name: string }[];
  raw.close();
  const db = openAdvisoryDb(dir);
  t.after(() => db.close());
  const started = performance.now();
  let found = 0;
  for (const p of pkgs) found += db.lookup(p.base, p.name).length;
  const ms = performance.now() - started;
  t.diagnostic(`lookup: ${pkgs.length} packages, ${found} advisories, ${ms.toFixed(0)} ms`);
  assert.equal(pkgs.length, 1000);

  const dsa = db.lookup('Debian:11', 'xorg-server').find((a) => a.id === 'DSA-5380-1');
  assert.deepEqual(dsa?.upstream, ['DEBIAN-CVE-2023-1393', 'CVE-2023-1393']);
  assert.ok(db.lookupByAlias('CVE-2023-1393').some((a) => a.id === 'DSA-5380-1'));
  assert.equal(db.lookup('PyPI', 'AAmiles').length, 0, 'PYSEC-2022-43066 is withdrawn');
  const s = db.status();
  assert.equal(s.ecosystems.Ubuntu, 22314);
  assert.equal(dbFreshness(dir).stale, false);
});

test('dbFreshness: no DB is stale; the threshold is configurable', async (t) => {
  const { dir, cleanup } = await tempDir();
  t.after(cleanup);
  assert.deepEqual(dbFreshness(dir), { exists: false, ageHours: Infinity, stale: true });
  await writeFile(join(dir, 'a.jsonl'), JSON.stringify({ id: 'GO-1', modified: '2024-01-01T00:00:00Z' }) + '\n');
  await importAdvisories(dir, join(dir, 'a.jsonl'));
  const fresh = dbFreshness(dir);
  assert.equal(fresh.exists, true);
  assert.ok(fresh.ageHours < 0.1 && !fresh.stale);
  assert.equal(dbFreshness(dir, { maxAgeHours: 0 }).stale, true);
});
