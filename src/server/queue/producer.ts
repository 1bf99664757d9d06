/**
 * Enqueuing: image jobs keyed so duplicates collapse while queued, fan-outs either on demand or
 * throttled to one per schedule slot (every API server ticks; pg-boss's unique
 * (queue, slot, key) index lets exactly one send per slot through).
 */
import type PgBoss from 'pg-boss';
import { ARCHIVE_SECONDS } from './boss.js';
import { FANOUT_QUEUE, IMAGE_QUEUE, imageJobKey, type FanoutJob, type ImageJob } from './names.js';

export interface Producer {
  /** Queues an image job; the id, or undefined when an identical one is already queued. */
  image(job: ImageJob): Promise<string | undefined>;
  /** Queues many image jobs in one statement (fan-outs). */
  images(jobs: ImageJob[]): Promise<void>;
  /** Queues a fan-out now. */
  fanout(job: FanoutJob): Promise<string | undefined>;
  /** Queues a fan-out for the current slot of `everyMs` unless one was already queued for it. */
  scheduled(job: FanoutJob, everyMs: number): Promise<string | undefined>;
}

/** A producer over a started pg-boss. */
export function createProducer(boss: PgBoss): Producer {
  return {
    async image(job) {
      return (await boss.send(IMAGE_QUEUE, job, { singletonKey: imageJobKey(job) })) ?? undefined;
    },
    async images(jobs) {
      for (let i = 0; i < jobs.length; i += 500) {
        await boss.insert(jobs.slice(i, i + 500).map((data) => ({ name: IMAGE_QUEUE, data, singletonKey: imageJobKey(data) })));
      }
    },
    async fanout(job) {
      return (await boss.send(FANOUT_QUEUE, job)) ?? undefined;
    },
    async scheduled(job, everyMs) {
      const seconds = Math.min(ARCHIVE_SECONDS, Math.max(1, Math.round(everyMs / 1000)));
      return (await boss.sendThrottled(FANOUT_QUEUE, job, {}, seconds, `schedule:${job.kind}`)) ?? undefined;
    },
  };
}
