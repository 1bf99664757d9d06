/**
 * Checks beyond findings that run on every (re-)match of an image:
 *  - OS end of life, from src/distro/eol.ts: an "os.eol" event when the OS is past its end of
 *    life now but was not at the previous scan (or at registration).
 *  - Policy: with a policy configured (`bulwark server --policy FILE`), src/policy's
 *    evaluatePolicy runs on the stored facts (reference, digest, inventory, findings, EOL) and a
 *    "policy.failing" event is recorded when the image passed before (or is new) and fails now.
 *    Signature, attestation and hardening-check rules need the image itself, which a re-match never
 *    pulls: they are left out of the server's evaluation (the admission webhook checks them).
 */
import type { OsInfo, Package } from '../../catalog/types.js';
import { eolStatus } from '../../distro/eol.js';
import type { Finding } from '../../vuln/match/types.js';
import { evaluatePolicy, type Policy } from '../../policy/index.js';
import { parseReference, type ImageReference } from '../../source/registry/reference.js';
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

/** The policy without the rules a stored inventory cannot answer (they would fail as "did not run"). */
export function serverSidePolicy(policy: Policy): Policy {
  const { signatures: _s, attestations: _a, checks: _c, ...rules } = policy.rules;
  return { ...policy, rules };
}

/** policy.failing when the configured policy fails now and did not at the previous evaluation (state kept in meta). */
export async function policyEvents(store: Store, policy: { name: string; document: Policy } | undefined, f: CheckFacts): Promise<NewEvent[]> {
  if (!policy) return [];
  let reference: ImageReference;
  try {
    reference = parseReference(f.image.ref);
  } catch {
    // an SBOM registered under a name that is not a reference: repository rules cannot apply
    reference = { registry: 'sbom.invalid', repository: f.image.ref.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-') || 'unnamed' };
  }
  const result = evaluatePolicy(
    serverSidePolicy(policy.document),
    { reference, digest: f.image.digest, inventory: { packages: f.packages, os: f.os }, findings: f.findings, eol: eolStatus(f.os, f.now) },
    { now: f.now },
  );
  const key = `policy:${f.image.id}`;
  const before = await store.getMeta(key);
  const now = result.pass ? 'pass' : 'fail';
  if (before !== now) await store.setMeta(key, now);
  if (now === 'fail' && before !== 'fail') {
    return [{ type: 'policy.failing', imageId: f.image.id, imageRef: f.image.ref, payload: { policy: policy.name, violations: result.violations.slice(0, 50) } }];
  }
  return [];
}
