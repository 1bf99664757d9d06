/**
 * Scheduled and on-demand jobs: "rematch" (refresh advisories, then re-match every stored
 * inventory) every updateIntervalMs, and "watch" (poll watched registries) every watchIntervalMs.
 * Each job is single-flight: asking for one while it runs returns the running one.
 */
import type { FastifyBaseLogger } from 'fastify';
import { errorMessage } from '../../shared/errors.js';
import type { Monitor, RematchSummary } from '../monitor.js';
import type { Store } from '../store/types.js';
import { refreshAdvisories, type RefreshResult } from './advisories.js';
import { pollWatch, type WatchResult } from './watch.js';

export interface JobOptions {
  cacheDir: string;
  /** where advisories come from (see advisories.ts); undefined: the OSV export */
  advisoriesUrl?: string;
  /** refresh advisories before a scheduled re-match (default true) */
  updateAdvisories: boolean;
  /** 0 disables the schedule (on demand only) */
  updateIntervalMs: number;
  watchIntervalMs: number;
  plainHttpRegistries: string[];
  log: FastifyBaseLogger;
  onJob?: (job: string, result: 'ok' | 'error') => void;
}

export interface RematchJobResult {
  refresh?: RefreshResult;
  refreshError?: string;
  rematch: RematchSummary;
  startedAt: string;
  finishedAt: string;
}

export interface Jobs {
  rematch(opts?: { update?: boolean; trigger?: string }): Promise<RematchJobResult>;
  watch(): Promise<WatchResult[]>;
  running(): { rematch: boolean; watch: boolean };
  start(): void;
  stop(): Promise<void>;
}

/** Creates the job runner. */
export function createJobs(store: Store, monitor: Monitor, opts: JobOptions): Jobs {
  let rematching: Promise<RematchJobResult> | undefined;
  let watching: Promise<WatchResult[]> | undefined;
  const timers: NodeJS.Timeout[] = [];

  async function doRematch(update: boolean, trigger: string): Promise<RematchJobResult> {
    const startedAt = new Date().toISOString();
    let refresh: RefreshResult | undefined;
    let refreshError: string | undefined;
    if (update) {
      try {
        refresh = await refreshAdvisories(opts.cacheDir, opts.advisoriesUrl);
        await store.setMeta('advisories_refreshed_at', new Date().toISOString());
        opts.log.info({ ...refresh }, 'advisories refreshed');
      } catch (err) {
        // a failed refresh leaves the previous database in place: still re-match against it
        refreshError = errorMessage(err);
        opts.log.error({ err: refreshError }, 'advisory refresh failed');
      }
    }
    const rematch = await monitor.rematchAll(trigger);
    opts.log.info({ ...rematch }, 're-match done');
    return { refresh, refreshError, rematch, startedAt, finishedAt: new Date().toISOString() };
  }

  const jobs: Jobs = {
    rematch(o = {}) {
      rematching ??= doRematch(o.update ?? opts.updateAdvisories, o.trigger ?? 'rematch')
        .then(
          (r) => (opts.onJob?.('rematch', r.refreshError ? 'error' : 'ok'), r),
          (err) => {
            opts.onJob?.('rematch', 'error');
            throw err;
          },
        )
        .finally(() => (rematching = undefined));
      return rematching;
    },
    watch() {
      watching ??= (async () => {
        const out: WatchResult[] = [];
        for (const w of await store.listWatches()) out.push(await pollWatch(store, monitor, w, opts));
        opts.onJob?.('watch', out.some((r) => r.error) ? 'error' : 'ok');
        return out;
      })().finally(() => (watching = undefined));
      return watching;
    },
    running: () => ({ rematch: rematching !== undefined, watch: watching !== undefined }),
    start() {
      const every = (ms: number, fn: () => Promise<unknown>): void => {
        if (ms <= 0) return;
        const t = setInterval(() => void fn().catch((err) => opts.log.error({ err: errorMessage(err) }, 'scheduled job failed')), ms);
        t.unref();
        timers.push(t);
      };
      every(opts.updateIntervalMs, () => jobs.rematch({ trigger: 'schedule' }));
      every(opts.watchIntervalMs, () => jobs.watch());
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      await Promise.allSettled([rematching, watching]);
    },
  };
  return jobs;
}
