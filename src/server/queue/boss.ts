/**
 * Opens pg-boss (the job queue on PostgreSQL: SKIP LOCKED fetches, singleton keys, retries with
 * backoff, expiry of jobs held by dead workers) in schema bulwark_queue and creates our queues.
 * Cron scheduling is off: schedules are throttled sends (see jobs.ts).
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { FANOUT_QUEUE, IMAGE_QUEUE, QUEUE_SCHEMA, type QueueTuning } from './names.js';

/** Largest throttle slot we use (pg-boss requires slots ≤ the archive interval). */
const ARCHIVE_SECONDS = 7 * 24 * 3600;

/** Starts pg-boss against `url` (migrating its schema when needed) with our two queues. */
export async function openBoss(url: string, tuning: QueueTuning, onError: (err: Error) => void): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: 4,
    application_name: 'bulwark-queue',
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds,
    archiveCompletedAfterSeconds: ARCHIVE_SECONDS,
    archiveFailedAfterSeconds: ARCHIVE_SECONDS,
  });
  boss.on('error', onError);
  await boss.start();
  const retry = { retryLimit: tuning.retryLimit, retryDelay: tuning.retryDelaySeconds, retryBackoff: true };
  // processes starting together would deadlock in pg-boss's create_queue (partition DDL): take turns
  const lock = new pg.Client({ connectionString: url });
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1::int)', [CREATE_LOCK_KEY]);
    await createQueue(boss, IMAGE_QUEUE, { ...retry, policy: 'short', expireInSeconds: tuning.imageJobExpireSeconds });
    await createQueue(boss, FANOUT_QUEUE, { ...retry, policy: 'standard', expireInSeconds: tuning.fanoutExpireSeconds });
  } catch (err) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw err;
  } finally {
    await lock.end().catch(() => {}); // ending the session releases the lock
  }
  return boss;
}

const CREATE_LOCK_KEY = 0x62_77_71_32;

/** createQueue, tolerating another process creating it at the same moment. */
async function createQueue(boss: PgBoss, name: string, opts: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...opts });
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '23505' || attempt === 2) throw err;
    }
  }
}

export { ARCHIVE_SECONDS };
