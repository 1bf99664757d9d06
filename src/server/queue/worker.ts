/**
 * `bulwark worker`: pulls jobs from the queue and does the work an in-process server would do.
 *  - image jobs ("scan", "ingest", "rematch"), `concurrency` at a time: each attempt is recorded
 *    (bulwark_job_runs), holds a per-image advisory lock (two attempts on one image never
 *    interleave; the lock dies with the worker's connection), and writes its result through
 *    applyOnce (apply.ts) so a retried job applies once;
 *  - fan-outs, one at a time: "rematch-all" refreshes advisories here (when asked) and queues one
 *    "rematch" per image carrying the advisory stamp it needs; "watch-all" polls registry watches
 *    and queues "scan" jobs for moved tags;
 *  - claimed webhook deliveries (claims.ts).
 * A worker whose advisory DB is older than a job's stamp refreshes it first (single-flight).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Policy } from '../../policy/index.js';
import { errorMessage } from '../../shared/errors.js';
import { dbFreshness } from '../../vuln/db/index.js';
import { refreshAdvisories } from '../jobs/advisories.js';
import { pollWatch } from '../jobs/watch.js';
import { createMonitor, type Monitor } from '../monitor.js';
import { createDispatcher, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from '../notify/dispatcher.js';
import { openStore } from '../store/index.js';
import { openPostgres } from '../store/postgres.js';
import type { SqlDb } from '../store/sql.js';
import type { Store } from '../store/types.js';
import { storeForJob } from './apply.js';
import { openBoss } from './boss.js';
import { claimingStore } from './claims.js';
import { DEFAULT_TUNING, FANOUT_QUEUE, IMAGE_QUEUE, type FanoutJob, type ImageJob, type QueueTuning } from './names.js';
import { createProducer, type Producer } from './producer.js';
import { deferredWork } from './server.js';
import { ensureQueueTables, finishRun, startRun } from './tables.js';

export interface WorkerOptions {
  /** postgres:// URL of the server's database */
  url: string;
  cacheDir: string;
  /** image jobs run at once (default 2) */
  concurrency: number;
  advisoriesUrl?: string;
  /** refresh the advisory DB when a job needs a newer one (default true) */
  updateAdvisories: boolean;
  plainHttpRegistries: string[];
  allowLocalImages: boolean;
  policy?: { name: string; document: Policy };
  delivery: DeliveryPolicy;
  tuning: QueueTuning;
  log: FastifyBaseLogger;
  /** shown in bulwark_job_runs and logs (default host:pid:random) */
  id?: string;
}

export interface RunningWorker {
  id: string;
  /** Finishes the jobs in hand (up to `timeoutMs`), then disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Defaults for everything but the URL, cache dir and logger. */
export function workerOptions(partial: Partial<WorkerOptions> & Pick<WorkerOptions, 'url' | 'cacheDir' | 'log'>): WorkerOptions {
  return {
    concurrency: 2,
    updateAdvisories: true,
    plainHttpRegistries: [],
    allowLocalImages: false,
    ...partial,
    delivery: { ...DEFAULT_DELIVERY_POLICY, ...partial.delivery },
    tuning: { ...DEFAULT_TUNING, ...partial.tuning },
  };
}

/** Holds a transaction-scoped advisory lock on the image while fn runs (released if we die). */
async function withImageLock<T>(db: SqlDb, imageId: number, fn: () => Promise<T>): Promise<T> {
  return db.tx(async (c) => {
    await c.exec("SET LOCAL lock_timeout = '120s'");
    await c.run('SELECT pg_advisory_xact_lock(?::int, ?::int)', [0x62_77_69, imageId]);
    return fn();
  });
}

/** Connects and starts pulling jobs. */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const id = o.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = o.log.child({ worker: id });
  const store = await openStore(o.url);
  // the lock transactions hold a connection each for a job's duration: size for that
  const db = openPostgres(o.url, { max: o.concurrency * 2 + 3 });
  let boss: PgBoss | undefined;
  try {
    await ensureQueueTables(db);
    boss = await openBoss(o.url, o.tuning, (err) => log.error({ err: errorMessage(err) }, 'job queue error'));
  } catch (err) {
    await Promise.allSettled([store.close(), db.close()]);
    throw err;
  }
  const producer = createProducer(boss);
  const dispatcher = createDispatcher(claimingStore(store, db, o.tuning.deliveryLeaseMs), o.delivery, log);
  const monitorOver = (s: Store, deferred: boolean): Monitor =>
    createMonitor(s, { ...o, log, dispatcher, defer: deferred ? deferredWork(store, producer) : undefined });
  const fanoutMonitor = monitorOver(store, true);
  const advisories = advisoryKeeper(o, log);

  async function imageJob(job: PgBoss.Job<ImageJob>): Promise<void> {
    const d = job.data;
    const run = await startRun(db, job.id, d.kind, id);
    try {
      const monitor = monitorOver(storeForJob(store, db, job.id, () => log.info({ job: job.id }, 'job result was applied by an earlier attempt')), false);
      await withImageLock(db, d.imageId, async () => {
        if (d.kind === 'scan') {
          await monitor.registerImage({ ref: d.ref, scanTarget: d.scanTarget, osManagedUpstream: d.osManagedUpstream, sourceKind: d.sourceKind });
        } else {
          await advisories.atLeast(d.minAdvisoryStamp);
          if (await store.getImage(d.imageId)) await monitor.rematchImage(d.imageId, d.trigger);
          else log.info({ job: job.id, image: d.imageId }, 'image deleted before its job ran');
        }
      });
      await finishRun(db, run, 'ok');
    } catch (err) {
      await finishRun(db, run, 'error', errorMessage(err)).catch(() => {});
      log.warn({ job: job.id, kind: d.kind, err: errorMessage(err) }, 'image job failed (the queue retries it)');
      throw err;
    }
  }

  async function fanoutJob(job: PgBoss.Job<FanoutJob>): Promise<void> {
    const d = job.data;
    const run = await startRun(db, job.id, d.kind, id);
    try {
      if (d.kind === 'rematch-all') {
        if (d.update) await advisories.refresh();
        const stamp = dbFreshness(o.cacheDir).updatedAt;
        const images = await store.listImages();
        await producer.images(images.map((i) => ({ kind: 'rematch', imageId: i.id, trigger: d.trigger, minAdvisoryStamp: stamp })));
        log.info({ images: images.length, advisoryStamp: stamp }, 're-match fanned out');
      } else {
        for (const w of await store.listWatches()) await pollWatch(store, fanoutMonitor, w, { ...o, log });
      }
      await finishRun(db, run, 'ok');
    } catch (err) {
      await finishRun(db, run, 'error', errorMessage(err)).catch(() => {});
      throw err;
    }
  }

  const poll = { pollingIntervalSeconds: o.tuning.pollingIntervalSeconds, batchSize: 1 };
  for (let i = 0; i < Math.max(1, o.concurrency); i++) await boss.work<ImageJob>(IMAGE_QUEUE, poll, ([job]) => imageJob(job!));
  await boss.work<FanoutJob>(FANOUT_QUEUE, poll, ([job]) => fanoutJob(job!));
  dispatcher.start();
  log.info({ concurrency: o.concurrency }, 'worker started');

  return {
    id,
    async stop(timeoutMs = 30_000) {
      await boss!.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
      await dispatcher.stop();
      await Promise.allSettled([store.close(), db.close()]);
    },
  };
}

/** The worker's advisory DB: refreshed when a job needs a newer stamp, one refresh at a time. */
function advisoryKeeper(o: WorkerOptions, log: FastifyBaseLogger): { refresh(): Promise<void>; atLeast(stamp?: string): Promise<void> } {
  let running: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (running ??= refreshAdvisories(o.cacheDir, o.advisoriesUrl)
      .then((r) => log.info({ ...r }, 'advisories refreshed'))
      // a failed refresh keeps the previous database, as the in-process server does
      .catch((err) => log.error({ err: errorMessage(err) }, 'advisory refresh failed'))
      .finally(() => (running = undefined)));
  return {
    refresh,
    async atLeast(stamp) {
      if (!stamp || !o.updateAdvisories) return;
      const have = dbFreshness(o.cacheDir).updatedAt;
      if (!have || have < stamp) await refresh();
    },
  };
}
