/**
 * The admission caches. A Deployment creates a ReplicaSet which creates N Pods, each reviewed on its
 * own: without a cache every review would ask the registry and re-run the policy. Two TTL caches:
 *   - tag → digest (short TTL: a moved tag is seen again soon),
 *   - verdict per (policy hash, repository, pinned or not, digest) (longer TTL: vulnerability data and
 *     exception expiry change over time).
 * Concurrent misses on one key share one computation. Failures are never cached, so a registry outage
 * does not outlive itself. Entries are bounded; the oldest go first.
 */
import type { PolicyResult } from '../../policy/index.js';

export interface TtlCache<V> {
  /** the value and whether it came from the cache; `compute` runs once per key at a time */
  getOrCompute(key: string, compute: () => Promise<V>): Promise<{ value: V; hit: boolean }>;
  get(key: string): V | undefined;
  readonly size: number;
  clear(): void;
}

export interface AdmissionCache {
  digests: TtlCache<string>;
  results: TtlCache<PolicyResult>;
}

export interface CacheOptions {
  /** verdict lifetime, ms (default 10 min) */
  resultTtlMs?: number;
  /** tag resolution lifetime, ms (default 60 s) */
  digestTtlMs?: number;
  /** entries per cache (default 10 000) */
  maxEntries?: number;
  now?: () => number;
}

/** A bounded TTL cache with in-flight sharing. */
export function createTtlCache<V>(ttlMs: number, maxEntries: number, now: () => number): TtlCache<V> {
  const entries = new Map<string, { value: V; expires: number }>();
  const inflight = new Map<string, Promise<V>>();
  function get(key: string): V | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return e.value;
  }
  function set(key: string, value: V): void {
    if (ttlMs <= 0) return;
    entries.delete(key);
    entries.set(key, { value, expires: now() + ttlMs });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  }
  return {
    get,
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
    async getOrCompute(key, compute) {
      const cached = get(key);
      if (cached !== undefined) return { value: cached, hit: true };
      const running = inflight.get(key);
      if (running) return { value: await running, hit: true };
      const p = compute();
      inflight.set(key, p);
      try {
        const value = await p;
        set(key, value);
        return { value, hit: false };
      } finally {
        inflight.delete(key);
      }
    },
  };
}

/** Both admission caches with their defaults. */
export function createAdmissionCache(opts: CacheOptions = {}): AdmissionCache {
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 10_000;
  return {
    digests: createTtlCache<string>(opts.digestTtlMs ?? 60_000, max, now),
    results: createTtlCache<PolicyResult>(opts.resultTtlMs ?? 600_000, max, now),
  };
}
