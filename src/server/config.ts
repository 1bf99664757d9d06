/** Server configuration: what `bulwark server` flags and tests set, with defaults. */
import type { Policy } from '../policy/index.js';
import { BulwarkError } from '../shared/errors.js';
import type { ServerPlugin } from './context.js';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './notify/dispatcher.js';

export interface ServerConfig {
  cacheDir: string;
  /** SQLite path or postgres:// URL (default <cacheDir>/server.db) */
  db?: string;
  host: string;
  /** 0: any free port */
  port: number;
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** re-match schedule (default 6 h); 0: on demand only */
  updateIntervalMs: number;
  /** refresh advisories before scheduled re-matches (default true) */
  updateAdvisories: boolean;
  /** OSV export mirror (http/https) or a local directory/file of advisories */
  advisoriesUrl?: string;
  /** registry watch schedule (default 15 min); 0: on demand only */
  watchIntervalMs: number;
  /** request body limit in bytes (default 32 MiB, for SBOMs) */
  bodyLimit: number;
  /** per token (else per address) */
  rateLimit: { max: number; timeWindowMs: number };
  allowLocalImages: boolean;
  plainHttpRegistries: string[];
  delivery: DeliveryPolicy;
  /** BULWARK_ADMIN_TOKEN */
  adminToken?: string;
  /** false: no logs (tests); else a pino level */
  logLevel: string | false;
  /** a policy for the policy hook (src/policy), when one is configured */
  policy?: { name: string; document: Policy };
  /** extra route plugins (admission webhook, dashboard) */
  plugins: ServerPlugin[];
}

/** Defaults; `cacheDir` must be given. */
export function serverConfig(partial: Partial<ServerConfig> & { cacheDir: string }): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 8080,
    updateIntervalMs: 6 * 3_600_000,
    updateAdvisories: true,
    watchIntervalMs: 15 * 60_000,
    bodyLimit: 32 * 1024 * 1024,
    rateLimit: { max: 600, timeWindowMs: 60_000 },
    allowLocalImages: false,
    plainHttpRegistries: [],
    logLevel: 'info',
    plugins: [],
    ...partial,
    delivery: { ...DEFAULT_DELIVERY_POLICY, ...partial.delivery },
  };
}

const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "6h", "30m", "45s", "1d", "500ms", "0" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) throw new BulwarkError('USAGE', `bad duration ${JSON.stringify(text)} (use e.g. 6h, 30m, 45s, 0 to disable)`);
  const n = Number(m[1]) * UNIT[m[2] ?? (Number(m[1]) === 0 ? 'ms' : 'h')]!;
  if (m[2] === undefined && n !== 0) throw new BulwarkError('USAGE', `duration ${JSON.stringify(text)} needs a unit (ms, s, m, h, d)`);
  return Math.round(n);
}

/** A size like "32MiB", "512KiB", "1048576" → bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+)\s*(B|KiB|MiB|GiB|KB|MB|GB)?\s*$/i.exec(text);
  if (!m) throw new BulwarkError('USAGE', `bad size ${JSON.stringify(text)} (use e.g. 32MiB)`);
  const mult: Record<string, number> = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3 };
  return Number(m[1]) * mult[(m[2] ?? 'b').toLowerCase()]!;
}
