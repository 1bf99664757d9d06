/**
 * handleAdmissionReview: AdmissionReview v1 in, AdmissionReview v1 out, for a validating webhook.
 * Pure apart from the context's resolver, evaluator, cache and clock; never throws (anything
 * unexpected is decided by the failure policy).
 *
 * Order: operation and kind (others admitted), namespace exemptions, unchanged UPDATEs, then the
 * Pod Security baseline on the pod template and the policy on every image under one deadline.
 * Violations deny (enforce) or warn (warn); evaluation errors and timeouts follow the failure policy.
 * dryRun requests are evaluated like any other (the webhook has no side effects).
 */
import type { Obj } from '../../checks/kubernetes/input.js';
import { errorMessage } from '../../shared/errors.js';
import { baselineReasons } from './baseline.js';
import { evaluateImage, type ImageOutcome } from './image.js';
import { auditAnnotations, denyMessage, errorLines, reasonLines, warningList } from './message.js';
import { parseReview, reviewOf, uidOf } from './review.js';
import type { AdmissionContext, AdmissionPolicy, AdmissionRequest, AdmissionResponse, AdmissionReview } from './types.js';
import { extractWorkload, isReviewed, unchangedPodSpec, type ContainerImage } from './workload.js';

/** A response for a review that could not be evaluated: the failure policy decides. */
function failure(uid: string, ctx: AdmissionContext, problem: string, code: number, extra: Record<string, string> = {}): AdmissionResponse {
  if (ctx.mode === 'warn' || ctx.failurePolicy === 'open') {
    return { uid, allowed: true, warnings: warningList([`not evaluated, admitted (failure policy open): ${problem}`]), auditAnnotations: { decision: 'fail-open', error: problem, ...extra } };
  }
  return {
    uid,
    allowed: false,
    status: { code, reason: code === 400 ? 'BadRequest' : 'Forbidden', message: `Bulwark could not evaluate the request and denies it (failure policy closed): ${problem}` },
    auditAnnotations: { decision: 'fail-closed', error: problem, ...extra },
  };
}

/** Evaluates each distinct image once, `concurrency` at a time, until the deadline. */
async function evaluateImages(ctx: AdmissionContext, policy: AdmissionPolicy, images: ContainerImage[]): Promise<ImageOutcome[]> {
  const groups = new Map<string, string[]>();
  for (const { image, container } of images) groups.set(image, [...(groups.get(image) ?? []), container]);
  const entries = [...groups];
  const results: (ImageOutcome | undefined)[] = [];
  let next = 0;
  let stopped = false;
  async function worker(): Promise<void> {
    while (!stopped && next < entries.length) {
      const i = next++;
      const [image, containers] = entries[i]!;
      results[i] = await evaluateImage(ctx, policy, image, containers);
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ctx.timeoutMs)));
  const workers = Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency, entries.length)) }, worker));
  try {
    await Promise.race([workers, deadline]);
  } finally {
    stopped = true;
    clearTimeout(timer);
  }
  return entries.map(([image, containers], i) => results[i] ?? { image, containers, violations: [], warnings: [], cached: false, error: `timed out after ${ctx.timeoutMs} ms` });
}

function subjectOf(req: AdmissionRequest, object: Obj): string {
  const meta = (typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}) as Obj;
  const name = req.name || (typeof meta.name === 'string' && meta.name) || (typeof meta.generateName === 'string' && `${meta.generateName}*`) || '(unnamed)';
  return `${req.kind.kind} ${req.namespace ? `${req.namespace}/` : ''}${name}`;
}

async function decide(review: unknown, ctx: AdmissionContext): Promise<AdmissionResponse> {
  const parsed = parseReview(review);
  if (!parsed.ok) return failure(parsed.uid, ctx, `malformed AdmissionReview: ${parsed.problem}`, 400);
  const req = parsed.request;
  const allow = (decision: string, extra: Record<string, string> = {}): AdmissionResponse => ({ uid: req.uid, allowed: true, auditAnnotations: { decision, ...extra } });
  if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return allow('skipped');
  if (!isReviewed(req)) return allow('skipped');
  if (req.namespace && ctx.exemptNamespaces.includes(req.namespace)) return allow('exempt', { exempt: `namespace ${req.namespace}` });
  if (!req.object) return failure(req.uid, ctx, `malformed AdmissionReview: request.object is missing for ${req.operation}`, 400);
  const workload = extractWorkload(req.object, req.kind.kind);
  if (!workload) return failure(req.uid, ctx, `${req.kind.kind} has no pod template (spec.template.spec)`, 400);
  if (unchangedPodSpec(req, workload)) return allow('unchanged');

  const subject = subjectOf(req, req.object);
  const baseline = ctx.podSecurity === 'baseline' ? baselineReasons(workload.pod) : [];
  const images = ctx.policy ? await evaluateImages(ctx, ctx.policy, workload.images) : [];
  const reasons = reasonLines(images, baseline);
  const errors = errorLines(images);
  const notes = images.flatMap((i) => i.warnings.map((w) => `image ${i.image}: ${w}`));
  const extra: Record<string, string> = { mode: ctx.mode };
  if (ctx.policy) extra['policy-sha256'] = ctx.policy.hash;
  if (req.dryRun) extra['dry-run'] = 'true';
  if (errors.length) extra.error = errors.join('; ');

  if (reasons.length && ctx.mode === 'enforce') {
    return {
      uid: req.uid,
      allowed: false,
      status: { code: 403, reason: 'Forbidden', message: denyMessage(subject, [...reasons, ...errors]) },
      warnings: warningList(notes),
      auditAnnotations: auditAnnotations('denied', images, extra),
    };
  }
  if (reasons.length) return { uid: req.uid, allowed: true, warnings: warningList([...reasons, ...errors, ...notes]), auditAnnotations: auditAnnotations('warned', images, extra) };
  if (errors.length) {
    const f = failure(req.uid, ctx, errors.join('; '), 403, extra);
    return { ...f, warnings: [...(f.warnings ?? []), ...warningList(notes)], auditAnnotations: auditAnnotations(f.auditAnnotations!.decision!, images, f.auditAnnotations) };
  }
  return { uid: req.uid, allowed: true, warnings: warningList(notes), auditAnnotations: auditAnnotations('allowed', images, extra) };
}

/** Decides one AdmissionReview. Never throws. */
export async function handleAdmissionReview(review: unknown, ctx: AdmissionContext): Promise<AdmissionReview> {
  try {
    return reviewOf(await decide(review, ctx));
  } catch (err) {
    return reviewOf(failure(uidOf(review) ?? '', ctx, `internal error: ${errorMessage(err)}`, 500));
  }
}
