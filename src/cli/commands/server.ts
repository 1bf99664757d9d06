/**
 * `bulwark server`: the continuous-monitoring server (docs/server.md). Listens on 127.0.0.1 unless
 * --host says otherwise; runs until SIGINT/SIGTERM, then drains jobs and closes the database.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveCacheDir } from '../../cache/dirs.js';
import { loadPolicy } from '../../policy/index.js';
import { buildServer } from '../../server/app.js';
import { parseDuration, parseSize, serverConfig } from '../../server/config.js';
import type { ServerPlugin } from '../../server/context.js';
import { BulwarkError } from '../../shared/errors.js';

interface ServerFlags {
  port: string;
  host: string;
  db?: string;
  tlsCert?: string;
  tlsKey?: string;
  updateInterval: string;
  update: boolean;
  advisoriesUrl?: string;
  watchInterval: string;
  bodyLimit: string;
  rateLimit: string;
  allowLocalImages?: boolean;
  plainHttpRegistry?: string[];
  policy?: string;
  admission?: boolean;
  workers?: string;
  admissionMode?: string;
  admissionFailurePolicy?: string;
  cacheDir?: string;
  logLevel: string;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new BulwarkError('USAGE', `--port must be 0-65535, got ${JSON.stringify(text)}`);
  return n;
}

/** The admission webhook as a server route, sharing the server's policy. */
async function admissionPluginFor(flags: ServerFlags, loaded: Awaited<ReturnType<typeof loadPolicy>> | undefined): Promise<ServerPlugin> {
  const mode = flags.admissionMode ?? 'enforce';
  const failurePolicy = flags.admissionFailurePolicy ?? 'closed';
  if (mode !== 'enforce' && mode !== 'warn') throw new BulwarkError('USAGE', `--admission-mode must be enforce or warn`);
  if (failurePolicy !== 'closed' && failurePolicy !== 'open') throw new BulwarkError('USAGE', `--admission-failure-policy must be closed or open`);
  const { admissionServerPlugin, createAdmissionContext } = await import('../../server/admission/index.js');
  return admissionServerPlugin(createAdmissionContext({ policy: loaded ? { document: loaded.policy, name: loaded.file } : undefined, mode, failurePolicy }));
}

/** Registers `bulwark server`; `plugins` are extra route plugins (admission webhook, dashboard). */
export function registerServerCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>, opts: { plugins?: ServerPlugin[] } = {}): void {
  program
    .command('server')
    .description('run the monitoring server: stores SBOMs of deployed images, re-matches them when advisories change, and alerts')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on (default loopback only)', '127.0.0.1')
    .option('--db <spec>', 'SQLite file or postgres://user:pass@host/db URL (default <cache>/server.db)')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--update-interval <duration>', 'refresh advisories and re-match every image this often (0: on demand only)', '6h')
    .option('--no-update', 'scheduled re-matches use the advisory database as it is (import it yourself)')
    .option('--advisories-url <url|path>', 'OSV export mirror (http/https) or a local directory/file of advisories (default $BULWARK_DB_URL or the OSV export)')
    .option('--watch-interval <duration>', 'poll watched registry repositories this often (0: on demand only)', '15m')
    .option('--body-limit <size>', 'largest request body (SBOM uploads)', '32MiB')
    .option('--rate-limit <n>', 'requests per minute per token (per address without one)', '600')
    .option('--allow-local-images', 'accept local archive/layout paths as image references (the server reads its own files)')
    .option('--plain-http-registry <host...>', 'registries (host:port) reached over plain HTTP')
    .option('--policy <file>', 'evaluate this policy on every match; "policy.failing" events when an image starts failing it')
    .option('--cache-dir <dir>', 'cache directory (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('--log-level <level>', 'fatal | error | warn | info | debug', 'info')
    .option('--workers <n>', 'jobs run in-process (default), or 0: PostgreSQL queue mode, the API only enqueues and `bulwark worker` processes run the jobs')
    .option('--admission', 'also serve the Kubernetes admission webhook at POST /admission (Pod Security baseline, plus --policy when given)')
    .option('--admission-mode <mode>', 'enforce | warn', 'enforce')
    .option('--admission-failure-policy <policy>', 'when an image cannot be evaluated: closed (deny) | open (allow)', 'closed')
    .action((flags: ServerFlags) =>
      run(async () => {
        if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new BulwarkError('USAGE', '--tls-cert and --tls-key go together');
        const rate = Number(flags.rateLimit);
        if (!Number.isInteger(rate) || rate < 1) throw new BulwarkError('USAGE', `--rate-limit must be a positive integer`);
        const loaded = flags.policy ? await loadPolicy(flags.policy) : undefined;
        const config = serverConfig({
          cacheDir: resolveCacheDir(flags.cacheDir),
          db: flags.db,
          host: flags.host,
          port: port(flags.port),
          tls: flags.tlsCert && flags.tlsKey ? { cert: await readFile(flags.tlsCert), key: await readFile(flags.tlsKey) } : undefined,
          updateIntervalMs: parseDuration(flags.updateInterval),
          updateAdvisories: flags.update,
          advisoriesUrl: flags.advisoriesUrl ?? process.env.BULWARK_DB_URL,
          watchIntervalMs: parseDuration(flags.watchInterval),
          bodyLimit: parseSize(flags.bodyLimit),
          rateLimit: { max: rate, timeWindowMs: 60_000 },
          allowLocalImages: Boolean(flags.allowLocalImages),
          plainHttpRegistries: flags.plainHttpRegistry ?? [],
          adminToken: process.env.BULWARK_ADMIN_TOKEN || undefined,
          logLevel: flags.logLevel,
          policy: loaded ? { name: loaded.file, document: loaded.policy } : undefined,
          plugins: [...(opts.plugins ?? []), ...(flags.admission ? [await admissionPluginFor(flags, loaded)] : [])],
        });
        if (flags.workers !== undefined && flags.workers !== '0') throw new BulwarkError('USAGE', '--workers takes 0 (queue mode with separate `bulwark worker` processes); omit it for in-process jobs');
        const server = await buildServer(config, undefined, flags.workers === '0' ? { queue: {} } : {});
        if (server.bootstrapToken) {
          process.stderr.write(`bulwark server: first start, created an admin token (shown only now, store it safely):\n  ${server.bootstrapToken}\n`);
        }
        const url = await server.listen();
        process.stderr.write(`bulwark server: listening on ${url} (database: ${server.ctx.store.kind})\n`);
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        return 0;
      }),
    );
}
