/** Decides pass/fail from what was found: per mechanism asked for, and per required attestation type. */
import { reasonOf } from './errors.js';
import { normalizePredicateType } from './intoto.js';
import type { AttestationResult, SignatureResult, VerifyRequirements, VerifyResult } from './types.js';

function failedReasons(items: { ok: boolean; reason?: string }[]): string[] {
  return [...new Set(items.filter((i) => !i.ok && i.reason).map((i) => i.reason!))];
}

/** Builds the VerifyResult; `where` names the places that were searched (for SIGNATURE_MISSING). */
export function summarize(
  req: VerifyRequirements,
  base: { reference?: string; digest: string; warnings: string[]; where: string },
  signatures: SignatureResult[],
  attestations: AttestationResult[],
): VerifyResult {
  const reasons: string[] = [];
  const wantCosign = Boolean(req.keys?.length || req.identities?.length);
  const mechanisms: { name: string; sigs: SignatureResult[] }[] = [];
  if (wantCosign) mechanisms.push({ name: 'cosign', sigs: signatures.filter((s) => s.kind !== 'notation') });
  if (req.notation) mechanisms.push({ name: 'notation', sigs: signatures.filter((s) => s.kind === 'notation') });
  if (req.requireSignature !== false) {
    for (const m of mechanisms) {
      if (m.sigs.some((s) => s.ok)) continue;
      if (m.sigs.length === 0) reasons.push(reasonOf('SIGNATURE_MISSING', `no ${m.name} signature found for ${base.digest} (looked at ${base.where})`));
      else reasons.push(...failedReasons(m.sigs));
    }
  }
  for (const want of req.attestations ?? []) {
    const type = normalizePredicateType(want.predicateType);
    if (attestations.some((a) => a.ok && a.predicateType === type)) continue;
    const failed = attestations.filter((a) => a.predicateType === type);
    if (failed.length === 0) reasons.push(reasonOf('ATTESTATION_MISSING', `no ${type} attestation found for ${base.digest}`));
    else reasons.push(...failedReasons(failed).map((r) => `${r} (attestation ${type})`));
  }
  return { reference: base.reference, digest: base.digest, signatures, attestations, ok: reasons.length === 0, reasons, warnings: base.warnings };
}
