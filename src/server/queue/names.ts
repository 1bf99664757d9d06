/**
 * The job queue's vocabulary (docs/scale-out.md): pg-boss queue names in their own PostgreSQL
 * schema, the job payloads, and the tuning knobs (expiry = how long a worker may hold a job before
 * it is handed to another one, retries, polling).
 */
import type { SourceKind } from '../store/types.js';

/** pg-boss keeps its tables in this schema, beside (not inside) the server's tables. */
export const QUEUE_SCHEMA = 'bulwark_queue';

/**
 * Per-image work ("short" policy: at most one queued job per key, so duplicates collapse while
 * queued; a new one can queue while one runs) and fan-outs (re-match all, poll watches), which are
 * throttled per time slot so N API servers produce one.
 */
export const IMAGE_QUEUE = 'bulwark-image';
export const FANOUT_QUEUE = 'bulwark-fanout';

/** "scan": pull and inventory an image, then match. "ingest"/"rematch": match the stored inventory. */
export type ImageJob =
  | { kind: 'scan'; imageId: number; ref: string; scanTarget: string; osManagedUpstream: boolean; sourceKind: SourceKind }
  | { kind: 'ingest' | 'rematch'; imageId: number; trigger: string; minAdvisoryStamp?: string };

export type FanoutJob = { kind: 'rematch-all'; update: boolean; trigger: string } | { kind: 'watch-all' };

/** The singleton key of an image job: jobs with the same key collapse while queued. */
export function imageJobKey(job: ImageJob): string {
  return job.kind === 'scan' ? `scan:${job.imageId}:${job.scanTarget}` : `match:${job.imageId}`;
}

export interface QueueTuning {
  /** a worker holding an image job longer than this is presumed dead: the job is retried elsewhere */
  imageJobExpireSeconds: number;
  fanoutExpireSeconds: number;
  /** attempts after the first */
  retryLimit: number;
  /** seconds before the first retry (doubled each time, with jitter) */
  retryDelaySeconds: number;
  /** how often expired jobs are looked for (one instance does it per interval) */
  maintenanceIntervalSeconds: number;
  /** how often an idle worker loop polls (≥ 0.5) */
  pollingIntervalSeconds: number;
  /** a webhook delivery claimed by a process that then died is sent again after this */
  deliveryLeaseMs: number;
}

export const DEFAULT_TUNING: QueueTuning = {
  imageJobExpireSeconds: 15 * 60,
  fanoutExpireSeconds: 60 * 60,
  retryLimit: 5,
  retryDelaySeconds: 10,
  maintenanceIntervalSeconds: 30,
  pollingIntervalSeconds: 1,
  deliveryLeaseMs: 60_000,
};
