/**
 * One image of the object under review against the policy:
 *   1. the rules that need only the reference (allowedRepositories, requireDigest) decide first, with
 *      no network: an image from a registry that is not allowed is refused even when that registry
 *      hangs, and the webhook never contacts it;
 *   2. the tag is resolved to a digest through the registry (cached briefly);
 *   3. the policy is evaluated for that digest (cached per policy hash, reference and digest).
 * Never rejects: a failure becomes `error`, for the failure policy to decide.
 */
import { evaluatePolicy, type Violation } from '../../policy/index.js';
import { errorMessage } from '../../shared/errors.js';
import { formatReference, parseReference, type ImageReference } from '../../source/registry/reference.js';
import type { AdmissionContext, AdmissionPolicy } from './types.js';

/** What was decided about one image (shared by every container that runs it). */
export interface ImageOutcome {
  image: string;
  /** "container app", "init container setup" … */
  containers: string[];
  reference?: ImageReference;
  digest?: string;
  /** "rule: message", one per policy violation */
  violations: string[];
  warnings: string[];
  /** the evaluation could not finish (registry unreachable, scan failed, timed out) */
  error?: string;
  /** the verdict came from the cache */
  cached: boolean;
}

/** Rules decided by the reference alone. */
const REFERENCE_RULES = new Set<string>(['allowedRepositories', 'requireDigest']);

/** "allowedRepositories: evil.example/x is not an allowed repository (…)" */
export function formatViolation(v: Violation): string {
  const lapsed = v.exception ? ` (exception #${v.exception.index} by ${v.exception.owner} expired ${v.exception.expires})` : '';
  return `${v.rule}: ${v.message}${lapsed}`;
}

/** The key of a cached verdict: a new policy, another name for the image or another digest each miss. */
export function resultKey(policy: AdmissionPolicy, ref: ImageReference, digest: string): string {
  return `${policy.hash}|${formatReference(ref)}|${digest}`;
}

/** Decides one image; see the file comment for the order. */
export async function evaluateImage(ctx: AdmissionContext, policy: AdmissionPolicy, image: string, containers: string[]): Promise<ImageOutcome> {
  const out: ImageOutcome = { image, containers, violations: [], warnings: [], cached: false };
  let ref: ImageReference;
  try {
    ref = parseReference(image);
  } catch (err) {
    out.violations.push(errorMessage(err));
    return out;
  }
  out.reference = ref;
  try {
    const now = new Date(ctx.now());
    const early = evaluatePolicy(policy.document, { reference: ref }, { now }).violations.filter((v) => REFERENCE_RULES.has(v.rule));
    if (early.length) {
      out.violations.push(...early.map(formatViolation));
      return out;
    }
    const digest = ref.digest ?? (await ctx.cache.digests.getOrCompute(formatReference(ref), () => ctx.resolveDigest(ref))).value;
    out.digest = digest;
    const verdict = await ctx.cache.results.getOrCompute(resultKey(policy, ref, digest), () => ctx.evaluateImage(policy, ref, digest));
    out.cached = verdict.hit;
    out.violations.push(...verdict.value.violations.map(formatViolation));
    out.warnings.push(...verdict.value.warnings);
  } catch (err) {
    out.error = errorMessage(err);
  }
  return out;
}
