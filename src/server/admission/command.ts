/**
 * `bulwark admission`: the validating admission webhook alone (docs/admission.md). Serves HTTPS only
 * (the API server will not call anything else); runs until SIGINT/SIGTERM.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveCacheDir } from '../../cache/dirs.js';
import { loadPolicy } from '../../policy/index.js';
import { BulwarkError } from '../../shared/errors.js';
import { parseDuration, parseSize } from '../config.js';
import { createAdmissionContext, DEFAULT_TIMEOUT_MS, type AdmissionOptions } from './context.js';
import { buildAdmissionServer, type AdmissionServerConfig } from './standalone.js';
import type { AdmissionMode, FailurePolicy, PodSecurityLevel } from './types.js';

export interface AdmissionFlags {
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  policy?: string;
  mode: string;
  failurePolicy: string;
  podSecurity: string;
  timeout: string;
  exemptNamespace?: string[];
  cacheTtl: string;
  digestTtl: string;
  dockerConfig?: string;
  plainHttpRegistry?: string[];
  insecureRegistry?: string[];
  cacheDir?: string;
  bodyLimit: string;
  logLevel: string;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new BulwarkError('USAGE', `${flag} must be ${allowed.join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new BulwarkError('USAGE', `--port must be 0-65535, got ${JSON.stringify(text)}`);
  return n;
}

/** Flags → handler options (loads and validates the policy). */
export async function admissionOptionsFromFlags(flags: AdmissionFlags): Promise<{ options: AdmissionOptions; warnings: string[] }> {
  const loaded = flags.policy ? await loadPolicy(flags.policy) : undefined;
  const timeoutMs = parseDuration(flags.timeout);
  if (timeoutMs <= 0 || timeoutMs > 30_000) throw new BulwarkError('USAGE', `--timeout must be between 1ms and 30s (the API server waits at most 30s), got ${JSON.stringify(flags.timeout)}`);
  const cacheDir = resolveCacheDir(flags.cacheDir);
  const options: AdmissionOptions = {
    policy: loaded ? { document: loaded.policy, name: loaded.file } : undefined,
    mode: oneOf<AdmissionMode>('--mode', flags.mode, ['enforce', 'warn']),
    failurePolicy: oneOf<FailurePolicy>('--failure-policy', flags.failurePolicy, ['open', 'closed']),
    podSecurity: oneOf<PodSecurityLevel>('--pod-security', flags.podSecurity, ['baseline', 'none']),
    timeoutMs,
    exemptNamespaces: flags.exemptNamespace ?? [],
    resultTtlMs: parseDuration(flags.cacheTtl),
    digestTtlMs: parseDuration(flags.digestTtl),
    registry: { dockerConfig: flags.dockerConfig, plainHttpRegistries: flags.plainHttpRegistry, insecureRegistries: flags.insecureRegistry },
    gather: { cacheDir, scan: { cacheDir } },
  };
  return { options, warnings: loaded?.warnings ?? [] };
}

/** Flags → the standalone server's configuration (reads the TLS files). */
export async function admissionServerConfig(flags: AdmissionFlags): Promise<{ config: AdmissionServerConfig; warnings: string[] }> {
  if (!flags.tlsCert || !flags.tlsKey) throw new BulwarkError('USAGE', 'the API server only calls webhooks over HTTPS: --tls-cert and --tls-key are required');
  const read = async (f: string, what: string): Promise<Buffer> => {
    try {
      return await readFile(f);
    } catch {
      throw new BulwarkError('USAGE', `cannot read the ${what} ${f}`);
    }
  };
  const { options, warnings } = await admissionOptionsFromFlags(flags);
  const config: AdmissionServerConfig = {
    host: flags.host,
    port: port(flags.port),
    tls: { cert: await read(flags.tlsCert, 'TLS certificate'), key: await read(flags.tlsKey, 'TLS key') },
    logLevel: flags.logLevel,
    bodyLimit: parseSize(flags.bodyLimit),
    admission: createAdmissionContext(options),
  };
  return { config, warnings };
}

/** Registers `bulwark admission`. */
export function registerAdmissionCommand(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('admission')
    .description('run the Kubernetes validating admission webhook: Pod Security baseline on every pod template, and the policy file on every image')
    .option('--port <n>', 'port to listen on', '8443')
    .option('--host <addr>', 'address to listen on (default loopback only; 0.0.0.0 in a pod)', '127.0.0.1')
    .option('--tls-cert <file>', 'PEM serving certificate (required: the API server calls webhooks over HTTPS)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--policy <file>', 'policy file (bulwark.dev/v1) evaluated on every image; without it only the Pod Security baseline applies')
    .option('--mode <mode>', 'enforce (deny violations) | warn (admit with warnings)', 'enforce')
    .option('--failure-policy <policy>', 'when an image cannot be evaluated (registry down, timeout): closed (deny) | open (admit with a warning)', 'closed')
    .option('--pod-security <level>', 'baseline (Pod Security Standards baseline on every pod template) | none', 'baseline')
    .option('--timeout <duration>', 'budget to resolve and evaluate the images of one request (keep it below the webhook timeoutSeconds)', `${DEFAULT_TIMEOUT_MS / 1000}s`)
    .option('--exempt-namespace <ns...>', 'namespaces admitted without evaluation')
    .option('--cache-ttl <duration>', 'how long a verdict per image digest and policy is reused', '10m')
    .option('--digest-ttl <duration>', 'how long a tag → digest resolution is reused', '1m')
    .option('--docker-config <file>', 'docker config.json with per-registry credentials (there is no global --username on purpose)')
    .option('--plain-http-registry <host...>', 'registries (host:port) reached over plain HTTP')
    .option('--insecure-registry <host...>', 'registries whose TLS certificate is not verified')
    .option('--cache-dir <dir>', 'cache directory for scans and the advisory database (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('--body-limit <size>', 'largest AdmissionReview accepted', '6MiB')
    .option('--log-level <level>', 'fatal | error | warn | info | debug', 'info')
    .action((flags: AdmissionFlags) =>
      run(async () => {
        const { config, warnings } = await admissionServerConfig(flags);
        for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        const server = await buildAdmissionServer(config);
        const url = await server.listen();
        const a = config.admission;
        process.stderr.write(`bulwark admission: listening on ${url}/admission (mode ${a.mode}, failure policy ${a.failurePolicy}, pod security ${a.podSecurity}, policy ${a.policy?.name ?? 'none'})\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await server.close();
        return 0;
      }),
    );
}
