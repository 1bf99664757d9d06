/**
 * The API server's side of scale-out: with a queue, the server (any number of them) is stateless
 * and runs no scans or matches itself. It stores what it is given and enqueues:
 *  - POST /images → a "scan" job (a placeholder image row is returned at once),
 *  - POST /images/sbom → the inventory is stored, then an "ingest" job matches it,
 *  - POST /images/{id}/rematch → a "rematch" job,
 *  - POST /rematch and the --update-interval schedule → one "rematch-all" fan-out (the schedule
 *    is throttled to one per slot across all servers), and the watch schedule likewise.
 * Webhook deliveries are still polled here, but claimed (claims.ts), so never sent twice at once.
 */
import type { FastifyBaseLogger } from 'fastify';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import type { Jobs, RematchJobResult } from '../jobs/scheduler.js';
import type { DeferredWork, MatchOutcome } from '../monitor.js';
import { openPostgres } from '../store/postgres.js';
import type { ImageRow, Store } from '../store/types.js';
import { openBoss } from './boss.js';
import { claimingStore } from './claims.js';
import { DEFAULT_TUNING, type FanoutJob, type QueueTuning } from './names.js';
import { createProducer, type Producer } from './producer.js';
import { ensureQueueTables } from './tables.js';

/** `buildServer(config, store, { queue })`: run the API without in-process scans and matches. */
export interface ServerQueueOptions {
  /** the PostgreSQL URL (default: the server's --db) */
  url?: string;
  tuning?: Partial<QueueTuning>;
}

export interface ServerQueue {
  defer: DeferredWork;
  jobs: Jobs;
  /** the store with claimed webhook deliveries, for the dispatcher */
  deliveryStore: Store;
  producer: Producer;
  close(): Promise<void>;
}

const queued = (image: ImageRow, jobId: string | undefined, what: string): MatchOutcome => ({
  image,
  events: [],
  warnings: [jobId ? `queued: a worker will ${what} (job ${jobId})` : `already queued: a worker will ${what}`],
});

/** Work handed to the queue instead of this process (monitor's `defer`). */
export function deferredWork(store: Store, producer: Producer): DeferredWork {
  return {
    async scan(input) {
      // a placeholder row (no digest) so the client gets an id now; the worker fills it in
      const image = (await store.getImageByRef(input.ref)) ?? (await store.upsertImage({ ref: input.ref, sourceKind: input.sourceKind, osManagedUpstream: input.osManagedUpstream }));
      const id = await producer.image({ kind: 'scan', imageId: image.id, ...input });
      return queued(image, id, `pull and match ${input.scanTarget}`);
    },
    async match(image, trigger) {
      const id = await producer.image({ kind: trigger === 'register' ? 'ingest' : 'rematch', imageId: image.id, trigger });
      return queued(image, id, 'match the stored inventory');
    },
  };
}

/** Jobs that enqueue fan-outs rather than running them; schedules tick and send throttled. */
export function queuedJobs(producer: Producer, opts: { updateIntervalMs: number; updateAdvisories: boolean; watchIntervalMs: number; log: FastifyBaseLogger }): Jobs {
  const timers: NodeJS.Timeout[] = [];
  return {
    async rematch(o = {}): Promise<RematchJobResult> {
      const at = new Date().toISOString();
      const id = await producer.fanout({ kind: 'rematch-all', update: o.update ?? opts.updateAdvisories, trigger: o.trigger ?? 'rematch' });
      opts.log.info({ job: id }, 're-match fan-out queued');
      // the result of a queued fan-out is not known here: workers report it in their logs and events
      return { rematch: { images: 0, failed: 0, added: 0, resolved: 0, events: 0 }, startedAt: at, finishedAt: at };
    },
    async watch() {
      await producer.fanout({ kind: 'watch-all' });
      return [];
    },
    running: () => ({ rematch: false, watch: false }),
    start() {
      const every = (ms: number, job: FanoutJob): void => {
        if (ms <= 0) return;
        const tick = (): void => void producer.scheduled(job, ms).catch((err) => opts.log.error({ err: errorMessage(err) }, 'scheduling failed'));
        // every server ticks often; one send per slot of `ms` gets through (see producer.ts)
        const t = setInterval(tick, Math.min(ms, 60_000));
        t.unref();
        timers.push(t);
        tick();
      };
      every(opts.updateIntervalMs, { kind: 'rematch-all', update: opts.updateAdvisories, trigger: 'schedule' });
      every(opts.watchIntervalMs, { kind: 'watch-all' });
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}

/** Connects the queue for an API server on PostgreSQL. */
export async function openServerQueue(
  store: Store,
  config: { db?: string; updateIntervalMs: number; updateAdvisories: boolean; watchIntervalMs: number },
  options: ServerQueueOptions,
  log: FastifyBaseLogger,
): Promise<ServerQueue> {
  const url = options.url ?? config.db;
  if (store.kind !== 'postgres' || !url) throw new BulwarkError('USAGE', 'the job queue (workers) needs the PostgreSQL store: --db postgres://…');
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const db = openPostgres(url, { max: 3 });
  try {
    await ensureQueueTables(db);
    const boss = await openBoss(url, tuning, (err) => log.error({ err: errorMessage(err) }, 'job queue error'));
    const producer = createProducer(boss);
    return {
      defer: deferredWork(store, producer),
      jobs: queuedJobs(producer, { ...config, log }),
      deliveryStore: claimingStore(store, db, tuning.deliveryLeaseMs),
      producer,
      async close() {
        await boss.stop({ graceful: false, wait: true, close: true });
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
