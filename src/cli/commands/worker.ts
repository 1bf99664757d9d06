/**
 * `bulwark worker --db postgres://…`: a stateless job worker for the monitoring server
 * (docs/scale-out.md). Runs until SIGINT/SIGTERM, then finishes the jobs in hand and exits; a
 * worker that is killed outright loses nothing: its jobs are retried by others after their expiry.
 */
import type { Command } from 'commander';
import { resolveCacheDir } from '../../cache/dirs.js';
import { loadPolicy } from '../../policy/index.js';
import { parseDuration } from '../../server/config.js';
import { jsonLogger } from '../../server/queue/log.js';
import { DEFAULT_TUNING } from '../../server/queue/names.js';
import { startWorker, workerOptions } from '../../server/queue/worker.js';
import { isPostgresUrl } from '../../server/store/index.js';
import { BulwarkError } from '../../shared/errors.js';

interface WorkerFlags {
  db?: string;
  concurrency: string;
  cacheDir?: string;
  advisoriesUrl?: string;
  update: boolean;
  plainHttpRegistry?: string[];
  allowLocalImages?: boolean;
  policy?: string;
  jobTimeout: string;
  maintenanceInterval: string;
  pollInterval: string;
  retryDelay: string;
  logLevel: string;
}

function seconds(flag: string, text: string): number {
  const s = Math.round(parseDuration(text) / 1000);
  if (s < 1) throw new BulwarkError('USAGE', `${flag} must be at least 1s`);
  return s;
}

/** Registers `bulwark worker`. */
export function registerWorkerCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('worker')
    .description('process the monitoring server\'s queued scans, matches and webhook deliveries (PostgreSQL only; run as many as you like)')
    .option('--db <url>', 'the server\'s database: postgres://user:pass@host:5432/db (or $BULWARK_DB)')
    .option('--concurrency <n>', 'image jobs processed at once', '2')
    .option('--cache-dir <dir>', 'cache directory: advisory DB and layer cache (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('--advisories-url <url|path>', 'where advisories are refreshed from (as for bulwark server; default $BULWARK_DB_URL or the OSV export)')
    .option('--no-update', 'never refresh the advisory database here (you import it yourself)')
    .option('--plain-http-registry <host...>', 'registries (host:port) reached over plain HTTP')
    .option('--allow-local-images', 'accept local archive/layout paths as image references')
    .option('--policy <file>', 'evaluate this policy on every match (give every worker the same one)')
    .option('--job-timeout <duration>', 'a job held longer than this is presumed lost and retried by another worker', `${DEFAULT_TUNING.imageJobExpireSeconds}s`)
    .option('--maintenance-interval <duration>', 'how often expired jobs are looked for', `${DEFAULT_TUNING.maintenanceIntervalSeconds}s`)
    .option('--poll-interval <duration>', 'how often an idle worker asks for jobs (at least 500ms)', `${DEFAULT_TUNING.pollingIntervalSeconds}s`)
    .option('--retry-delay <duration>', 'delay before a failed job\'s first retry (doubled each time)', `${DEFAULT_TUNING.retryDelaySeconds}s`)
    .option('--log-level <level>', 'fatal | error | warn | info | debug | silent', 'info')
    .action((flags: WorkerFlags) =>
      run(async () => {
        const url = flags.db ?? process.env.BULWARK_DB;
        if (!url || !isPostgresUrl(url)) throw new BulwarkError('USAGE', 'bulwark worker needs --db postgres://… (workers share the server\'s PostgreSQL database)');
        const concurrency = Number(flags.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new BulwarkError('USAGE', '--concurrency must be an integer 1-64');
        const loaded = flags.policy ? await loadPolicy(flags.policy) : undefined;
        const worker = await startWorker(
          workerOptions({
            url,
            cacheDir: resolveCacheDir(flags.cacheDir),
            concurrency,
            advisoriesUrl: flags.advisoriesUrl ?? process.env.BULWARK_DB_URL,
            updateAdvisories: flags.update,
            plainHttpRegistries: flags.plainHttpRegistry ?? [],
            allowLocalImages: Boolean(flags.allowLocalImages),
            policy: loaded ? { name: loaded.file, document: loaded.policy } : undefined,
            tuning: { ...DEFAULT_TUNING, imageJobExpireSeconds: seconds('--job-timeout', flags.jobTimeout), maintenanceIntervalSeconds: seconds('--maintenance-interval', flags.maintenanceInterval),
              pollingIntervalSeconds: Math.max(0.5, parseDuration(flags.pollInterval) / 1000),
              retryDelaySeconds: Math.round(parseDuration(flags.retryDelay) / 1000),
            },
            log: jsonLogger(flags.logLevel),
          }),
        );
        process.stderr.write(`bulwark worker: ${worker.id} processing jobs (concurrency ${concurrency})\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await worker.stop();
        return 0;
      }),
    );
}
