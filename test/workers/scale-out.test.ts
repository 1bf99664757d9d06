/**
 * Scale-out on a throwaway PostgreSQL: an API server with no in-process workers, 3 `bulwark worker`
 * child processes, 200 SBOM ingests; one worker is SIGKILLed while it holds a job. Every job must
 * complete, none be lost, none applied twice, and the killed worker's job be retried elsewhere.
 * Plus applyOnce on its own (a retried job applies once). Skipped without PostgreSQL binaries.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildServer, type BulwarkServer } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { applyOnce } from '../../src/server/queue/apply.js';
import { openBoss } from '../../src/server/queue/boss.js';
import { DEFAULT_TUNING, FANOUT_QUEUE } from '../../src/server/queue/names.js';
import { createProducer } from '../../src/server/queue/producer.js';
import { IMAGE_QUEUE, QUEUE_SCHEMA } from '../../src/server/queue/names.js';
import { ensureQueueTables } from '../../src/server/queue/tables.js';
import { openStore } from '../../src/server/store/index.js';
import { openPostgres } from '../../src/server/store/postgres.js';
import type { SqlDb } from '../../src/server/store/sql.js';
import { importAdvisories } from '../../src/vuln/db/index.js';
import { POSTGRES_SKIP, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { api, testSecret, waitFor } from '../server/fixtures.js';
import { scaleSbom, writeScaleAdvisories } from './fixtures.js';

const JOBS = 200;
const PACKAGES = 200;
const WORKERS = 3;
// the real CLI, as an operator runs it (npm test builds dist/ first)
const BIN = join('bin', 'bulwark.js');

if (POSTGRES_SKIP) process.stderr.write(`# scale-out tests skipped: ${POSTGRES_SKIP}\n`);

describe('scale-out: API server + 3 workers on PostgreSQL', { skip: POSTGRES_SKIP, timeout: 110_000 }, () => {
  let pg: TestPostgres | undefined;
  let dir: string | undefined;
  let url: string;
  let db: SqlDb | undefined;
  let server: BulwarkServer | undefined;
  let base: string;
  const admin = testSecret();
  const children: ChildProcess[] = [];
  const stderr: string[] = [];

  before(async () => {
    pg = await startPostgres();
    url = await pg.createDatabase('bulwark_scale');
    dir = await mkdtemp(join(tmpdir(), 'bulwark-scale-'));
    await importAdvisories(dir, await writeScaleAdvisories(dir, PACKAGES));
    const config = serverConfig({ cacheDir: dir, db: url, port: 0, logLevel: false, adminToken: admin, updateIntervalMs: 0, watchIntervalMs: 0, rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
    server = await buildServer(config, undefined, { queue: { tuning: { imageJobExpireSeconds: 3, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5, retryDelaySeconds: 0 } } });
    base = await server.listen();
    db = openPostgres(url, { max: 2 });
  });

  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.allSettled(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await server?.close().catch(() => {});
    await db?.close().catch(() => {});
    await pg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('processes 200 ingests exactly once despite a worker killed mid-job', async () => {
    const started = Date.now();
    for (let i = 0; i < WORKERS; i++) {
      const args = [BIN, 'worker', '--db', url, '--cache-dir', dir!, '--concurrency', '3', '--no-update', '--job-timeout', '3s', '--maintenance-interval', '1s', '--poll-interval', '500ms', '--retry-delay', '0s', '--log-level', 'error'];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      stderr[i] = '';
      child.stderr!.on('data', (d) => (stderr[i] += String(d)));
      children.push(child);
    }
    await waitFor(() => stderr.every((s) => s.includes('processing jobs')) || undefined, 30_000, `workers to start: ${stderr.join(' | ')}`);
    const ready = Date.now();

    // 200 SBOM ingests through the API, 8 at a time: each stores the inventory and queues a job
    let next = 0;
    const upload = async (): Promise<void> => {
      for (let n = 0; n < JOBS && next < JOBS; n++) {
        const i = next++;
        const res = await api(base, 'POST', `/api/v1/images/sbom?ref=example.test/app-${i}`, { token: admin, body: scaleSbom(`app-${i}`, PACKAGES), type: 'application/vnd.cyclonedx+json' });
        assert.equal(res.status, 201, res.text);
        assert.match(res.body.warnings.join(' '), /queued/);
      }
    };
    await Promise.all(Array.from({ length: 8 }, upload));

    // kill worker 0 once some jobs are done and while it holds one
    const victim = children[0]!;
    const victimId = (await waitFor(async () => {
      const rows = await db!.all<{ worker: string; ok: string; open: string }>(
        "SELECT worker, COUNT(*) FILTER (WHERE outcome = 'ok') AS ok, COUNT(*) FILTER (WHERE finished_at IS NULL) AS open FROM bulwark_job_runs WHERE kind = 'ingest' GROUP BY worker",
      );
      const total = rows.reduce((a, r) => a + Number(r.ok), 0);
      const mine = rows.find((r) => r.worker.split(':')[1] === String(victim.pid));
      return total >= 30 && mine && Number(mine.ok) >= 3 && Number(mine.open) > 0 ? mine.worker : undefined;
    }, 60_000, 'worker 0 to hold a job after some completed')) as string;
    victim.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => victim.once('exit', r));
    const inFlight = (await db!.all<{ job_id: string }>('SELECT job_id FROM bulwark_job_runs WHERE worker = ? AND finished_at IS NULL', [victimId])).map((r) => r.job_id);
    assert.ok(inFlight.length > 0, 'the killed worker held a job');

    // every job completes (the killed one after its 3 s expiry)
    const states = async () => {
      const rows = await db!.all<{ state: string; n: string }>(`SELECT state::text AS state, COUNT(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ? GROUP BY state`, [IMAGE_QUEUE]);
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    };
    await waitFor(async () => ((await states()).completed === JOBS ? true : undefined), 60_000, 'all jobs completed');
    const done = Date.now();
    assert.deepEqual(await states(), { completed: JOBS }, 'none lost, none failed');

    // applied exactly once: one apply record per job, one scan and one image.registered event per image
    const jobIds = (await db!.all<{ id: string }>(`SELECT id::text AS id FROM ${QUEUE_SCHEMA}.job WHERE name = ?`, [IMAGE_QUEUE])).map((r) => r.id);
    assert.equal(new Set(jobIds).size, JOBS);
    const applies = await db!.all<{ job_id: string; n: string }>('SELECT job_id, COUNT(*) AS n FROM bulwark_job_applies GROUP BY job_id');
    assert.equal(applies.length, JOBS);
    assert.deepEqual(new Set(applies.map((a) => a.job_id)), new Set(jobIds));
    assert.ok(applies.every((a) => Number(a.n) === 1));
    const perImage = await db!.all<{ scans: string; registered: string; findings: string }>(
      `SELECT (SELECT COUNT(*) FROM scans s WHERE s.image_id = i.id) AS scans,
              (SELECT COUNT(*) FROM events e WHERE e.image_id = i.id AND e.type = 'image.registered') AS registered,
              (SELECT COUNT(*) FROM findings f WHERE f.image_id = i.id) AS findings
       FROM images i`,
    );
    assert.equal(perImage.length, JOBS);
    assert.ok(perImage.every((r) => Number(r.scans) === 1 && Number(r.registered) === 1 && Number(r.findings) === PACKAGES), 'one scan, one registration event and every finding per image');

    // the killed worker's job was retried by another worker and completed there
    const retried: string[] = [];
    for (const job of inFlight) {
      const runs = await db!.all<{ worker: string; outcome: string | null }>('SELECT worker, outcome FROM bulwark_job_runs WHERE job_id = ? ORDER BY id', [job]);
      const ok = runs.filter((r) => r.outcome === 'ok');
      assert.equal(ok.length, 1, `job ${job}: exactly one successful attempt`);
      assert.notEqual(ok[0]!.worker, victimId);
      retried.push(`${job} → ${ok[0]!.worker.split(':')[1]}`);
    }

    const perWorker = await db!.all<{ worker: string; ok: string }>("SELECT worker, COUNT(*) FILTER (WHERE outcome = 'ok') AS ok FROM bulwark_job_runs WHERE kind = 'ingest' GROUP BY worker ORDER BY worker");
    const runsTotal = Number((await db!.get<{ n: string }>("SELECT COUNT(*) AS n FROM bulwark_job_runs WHERE kind = 'ingest'"))!.n);
    process.stderr.write(
      `# scale-out figures: ${JOBS} jobs (${PACKAGES} findings each) by ${WORKERS} workers × 3 in ${((done - ready) / 1000).toFixed(1)} s after start ` +
        `(workers up in ${((ready - started) / 1000).toFixed(1)} s); attempts ${runsTotal}; killed pid ${victim.pid} holding ${inFlight.length} job(s), ` +
        `all completed ${((done - killedAt) / 1000).toFixed(1)} s after the kill; retried: ${retried.join(', ')}; ` +
        `completed per worker: ${perWorker.map((w) => `${w.worker.split(':')[1]}${w.worker === victimId ? ' (killed)' : ''}=${w.ok}`).join(', ')}\n`,
    );
  });
});

describe('applyOnce, singleton schedules and job keys', { skip: POSTGRES_SKIP }, () => {
  let pg: TestPostgres | undefined;
  after(async () => pg?.stop());

  it('returns the first application to a second attempt and writes nothing', async () => {
    pg = await startPostgres();
    const url = await pg.createDatabase('bulwark_apply');
    const store = await openStore(url);
    const db = openPostgres(url, { max: 2 });
    try {
      await ensureQueueTables(db);
      const image = await store.upsertImage({ ref: 'example.test/once', sourceKind: 'sbom', osManagedUpstream: false });
      const scan = { time: new Date().toISOString(), trigger: 'register' };
      const events = [{ type: 'image.registered', imageId: image.id, imageRef: image.ref, payload: {} }];
      const first = await applyOnce(db, 'job-1', image.id, scan, [], events);
      const second = await applyOnce(db, 'job-1', image.id, { ...scan, time: new Date().toISOString() }, [], events);
      assert.equal(first.repeated, false);
      assert.equal(second.repeated, true);
      assert.equal(second.scan.id, first.scan.id);
      assert.deepEqual(second.events.map((e) => e.id), first.events.map((e) => e.id));
      assert.equal((await store.listScans(image.id)).length, 1);
      assert.equal((await store.listEvents({ imageId: image.id })).length, 1);
      const third = await applyOnce(db, 'job-2', image.id, scan, [], events);
      assert.equal(third.repeated, false);
      assert.equal((await store.listScans(image.id)).length, 2);

      // three "servers" ticking the same schedule slot produce one fan-out; duplicate image jobs collapse
      const bosses = await Promise.all([0, 1, 2].map(() => openBoss(url, { ...DEFAULT_TUNING, maintenanceIntervalSeconds: 3600 }, () => {})));
      try {
        const sent = await Promise.all(bosses.map((b) => createProducer(b).scheduled({ kind: 'rematch-all', update: false, trigger: 'schedule' }, 3_600_000)));
        assert.equal(sent.filter(Boolean).length, 1);
        const p = createProducer(bosses[0]!);
        assert.ok(await p.image({ kind: 'rematch', imageId: image.id, trigger: 'rematch' }));
        assert.equal(await p.image({ kind: 'rematch', imageId: image.id, trigger: 'rematch' }), undefined);
        const n = await db.get<{ n: string }>(`SELECT COUNT(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ?`, [FANOUT_QUEUE]);
        assert.equal(Number(n!.n), 1);
      } finally {
        await Promise.allSettled(bosses.map((b) => b.stop({ graceful: false, close: true })));
      }
    } finally {
      await db.close();
      await store.close();
    }
  });
});
