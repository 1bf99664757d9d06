/** Builds the handler's context from options, with the defaults a fresh install runs with. */
import { createHash } from 'node:crypto';
import type { GatherOptions, Policy } from '../../policy/index.js';
import { createAdmissionCache, type AdmissionCache } from './cache.js';
import { policyEvaluator, registryResolver, type AdmissionRegistryOptions } from './registry.js';
import type { AdmissionContext, AdmissionMode, AdmissionPolicy, EvaluateImageFn, FailurePolicy, PodSecurityLevel, ResolveDigestFn } from './types.js';

/** Below the webhook's timeoutSeconds (10 in deploy/), so the failure policy here decides, not the API server's. */
export const DEFAULT_TIMEOUT_MS = 8_000;

export interface AdmissionOptions {
  /** the policy file's validated document; without one only the Pod Security baseline applies */
  policy?: { document: Policy; name?: string };
  /** default enforce */
  mode?: AdmissionMode;
  /** default closed: what cannot be checked is not admitted */
  failurePolicy?: FailurePolicy;
  /** default baseline, with or without a policy */
  podSecurity?: PodSecurityLevel;
  timeoutMs?: number;
  exemptNamespaces?: readonly string[];
  concurrency?: number;
  registry?: AdmissionRegistryOptions;
  /** scan options for policies that need the image's contents (cache dir, advisory database …) */
  gather?: Omit<GatherOptions, 'reference'>;
  /** verdict lifetime, ms (default 10 min) */
  resultTtlMs?: number;
  /** tag → digest lifetime, ms (default 60 s) */
  digestTtlMs?: number;
  cacheMaxEntries?: number;
  /** injected in tests */
  resolveDigest?: ResolveDigestFn;
  evaluateImage?: EvaluateImageFn;
  cache?: AdmissionCache;
  now?: () => number;
}

/** sha256 of the validated policy: the part of the cache key that changes with the policy. */
export function policyHash(document: Policy): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

/** The policy as the handler holds it. */
export function admissionPolicy(document: Policy, name?: string): AdmissionPolicy {
  return { document, hash: policyHash(document), name };
}

/** The context with defaults filled in. */
export function createAdmissionContext(opts: AdmissionOptions = {}): AdmissionContext {
  const now = opts.now ?? Date.now;
  return {
    policy: opts.policy ? admissionPolicy(opts.policy.document, opts.policy.name) : undefined,
    mode: opts.mode ?? 'enforce',
    failurePolicy: opts.failurePolicy ?? 'closed',
    podSecurity: opts.podSecurity ?? 'baseline',
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    exemptNamespaces: opts.exemptNamespaces ?? [],
    concurrency: opts.concurrency ?? 4,
    resolveDigest: opts.resolveDigest ?? registryResolver(opts.registry),
    evaluateImage: opts.evaluateImage ?? policyEvaluator({ registry: opts.registry, gather: opts.gather }),
    cache: opts.cache ?? createAdmissionCache({ resultTtlMs: opts.resultTtlMs, digestTtlMs: opts.digestTtlMs, maxEntries: opts.cacheMaxEntries, now }),
    now,
  };
}
