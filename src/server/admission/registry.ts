/**
 * The default resolver and evaluator: tags resolved with a HEAD on the registry (src/source/registry),
 * and the policy evaluated by the same evaluator as `bulwark policy check`. A policy that only has
 * reference rules is evaluated on the reference and digest alone; one that needs the image's contents
 * (vulnerabilities, packages, licenses, checks, EOL, signatures) goes through gatherFacts on the
 * digest-pinned image, so what is judged is what the kubelet will pull.
 *
 * Credentials come only from a docker config.json, per registry. There is deliberately no global
 * username/password: image names are chosen by whoever creates the pod, and a global credential
 * would be sent to any registry they name.
 */
import type { ScanOptions } from '../../app/inventory.js';
import { evaluatePolicy, gatherFacts, policyNeeds, type GatherOptions } from '../../policy/index.js';
import { RegistryClient } from '../../source/registry/client.js';
import { resolveDigest } from '../../source/registry/manifests.js';
import { formatReference, repoName, type ImageReference } from '../../source/registry/reference.js';
import type { EvaluateImageFn, ResolveDigestFn } from './types.js';

export interface AdmissionRegistryOptions {
  /** docker config.json with per-registry credentials (default $DOCKER_CONFIG/config.json or ~/.docker/config.json) */
  dockerConfig?: string;
  /** registries (host:port) reached over plain HTTP */
  plainHttpRegistries?: readonly string[];
  /** registries whose TLS certificate is not verified */
  insecureRegistries?: readonly string[];
  /** socket idle timeout per request, ms (default 5 s) */
  timeoutMs?: number;
  /** retries after the first attempt (default 1: the review has a deadline) */
  retries?: number;
}

function clientFor(registry: string, opts: AdmissionRegistryOptions): RegistryClient {
  return new RegistryClient(registry, {
    plainHttp: opts.plainHttpRegistries?.includes(registry),
    insecureSkipVerify: opts.insecureRegistries?.includes(registry),
    dockerConfig: opts.dockerConfig,
    timeoutMs: opts.timeoutMs ?? 5_000,
    retries: opts.retries ?? 1,
    retryBaseMs: 200,
  });
}

/** Resolves tags with the registry; a digest reference resolves to itself without a request. */
export function registryResolver(opts: AdmissionRegistryOptions = {}): ResolveDigestFn {
  return async (ref: ImageReference) => {
    if (ref.digest) return ref.digest;
    const client = clientFor(ref.registry, opts);
    try {
      return (await resolveDigest(client, ref.repository, ref.tag ?? 'latest')).digest;
    } finally {
      client.close();
    }
  };
}

/** The registry options gatherFacts scans with, from the admission's. */
function scanRegistry(ref: ImageReference, opts: AdmissionRegistryOptions): ScanOptions['registry'] {
  return {
    plainHttp: opts.plainHttpRegistries?.includes(ref.registry),
    insecureSkipVerify: opts.insecureRegistries?.includes(ref.registry),
    dockerConfig: opts.dockerConfig,
    retries: opts.retries ?? 1,
    timeoutMs: opts.timeoutMs ?? 5_000,
  };
}

/** Evaluates with src/policy; scans only when the policy needs more than the reference. */
export function policyEvaluator(opts: { registry?: AdmissionRegistryOptions; gather?: Omit<GatherOptions, 'reference'> } = {}): EvaluateImageFn {
  return async (policy, ref, digest) => {
    const needs = policyNeeds(policy.document, ref);
    if (!needs.inventory && !needs.verify) return evaluatePolicy(policy.document, { reference: ref, digest });
    const g = opts.gather ?? {};
    const gathered = await gatherFacts(`registry:${repoName(ref)}@${digest}`, policy.document, {
      ...g,
      scan: { ...g.scan, registry: { ...scanRegistry(ref, opts.registry ?? {}), ...g.scan?.registry } },
      reference: formatReference(ref),
    });
    gathered.facts.digest ??= digest;
    const result = evaluatePolicy(policy.document, gathered.facts, { now: g.now });
    return { ...result, warnings: [...gathered.warnings, ...result.warnings] };
  };
}
