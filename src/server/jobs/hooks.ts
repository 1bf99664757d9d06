/**
 * Checks beyond findings that run on every (re-)match of an image:
 *  - OS end of life, from src/distro/eol.ts: an "os.eol" event when the OS is past its end of
 *    life now but was not at the previous scan (or at registration).
 *  - POLICY HOOK: when a policy is configured and src/policy exports evaluatePolicy(policy, facts),
 *    a "policy.failing" event when the image passed before and fails now. The policy engine is
 *    written separately; until src/policy/index.js exists this hook does nothing (and says so once
 *    in the log). The result is read loosely: `{ pass | passed | ok: boolean, violations?: [] }`.
 */
import type { OsInfo, Package } from '../../catalog/types.js';
import { eolStatus } from '../../distro/eol.js';
import type { Finding } from '../../vuln/match/types.js';
import type { ImageRow, NewEvent, Store } from '../store/types.js';

export interface CheckFacts {
  image: ImageRow;
  os?: OsInfo;
  packages: Package[];
  findings: Finding[];
  /** time of the previous scan of this image, if any */
  previousScanAt?: string;
  now: Date;
}

/** os.eol when the OS crossed its end-of-life date since the previous scan. */
export function eolEvents(f: CheckFacts): NewEvent[] {
  const nowState = eolStatus(f.os, f.now);
  if (nowState.state !== 'eol') return [];
  if (f.previousScanAt && eolStatus(f.os, new Date(f.previousScanAt)).state === 'eol') return [];
  return [
    {
      type: 'os.eol',
      imageId: f.image.id,
      imageRef: f.image.ref,
      payload: { os: `${nowState.distro ?? f.os?.family} ${nowState.cycle ?? f.os?.version}`, family: f.os?.family, version: f.os?.version, eolDate: nowState.release?.eol, daysSince: -(nowState.daysLeft ?? 0) },
    },
  ];
}

type EvaluatePolicy = (policy: unknown, facts: unknown) => unknown;

let policyModule: Promise<EvaluatePolicy | undefined> | undefined;

/** Loads src/policy's evaluatePolicy when that module exists (a variable specifier keeps tsc from resolving it). */
export function loadPolicyEngine(): Promise<EvaluatePolicy | undefined> {
  const spec = '../../policy/index.js';
  policyModule ??= import(spec).then(
    (m: Record<string, unknown>) => (typeof m.evaluatePolicy === 'function' ? (m.evaluatePolicy as EvaluatePolicy) : undefined),
    () => undefined,
  );
  return policyModule;
}

function passed(result: unknown): { pass: boolean; violations: unknown[] } {
  if (typeof result === 'boolean') return { pass: result, violations: [] };
  const r = (result ?? {}) as Record<string, unknown>;
  const pass = [r.pass, r.passed, r.ok].find((v) => typeof v === 'boolean') as boolean | undefined;
  const violations = Array.isArray(r.violations) ? r.violations : [];
  return { pass: pass ?? violations.length === 0, violations };
}

/** policy.failing when the configured policy fails now and did not at the previous evaluation (state kept in meta). */
export async function policyEvents(store: Store, policy: { name: string; document: unknown } | undefined, f: CheckFacts): Promise<NewEvent[]> {
  if (!policy) return [];
  const evaluate = await loadPolicyEngine();
  if (!evaluate) return [];
  const result = passed(await evaluate(policy.document, { image: { ref: f.image.ref, digest: f.image.digest }, os: f.os, packages: f.packages, findings: f.findings, eol: eolStatus(f.os, f.now) }));
  const key = `policy:${f.image.id}`;
  const before = await store.getMeta(key);
  const now = result.pass ? 'pass' : 'fail';
  if (before !== now) await store.setMeta(key, now);
  if (now === 'fail' && before !== 'fail') {
    return [{ type: 'policy.failing', imageId: f.image.id, imageRef: f.image.ref, payload: { policy: policy.name, violations: result.violations.slice(0, 50) } }];
  }
  return [];
}
