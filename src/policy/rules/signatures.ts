/**
 * signatures: images in matching repositories must carry a valid signature from one of the entry's
 * signers (keys, keyless identities, notation trust store). Several matching entries must all be met.
 * Verification itself is done by verifyImage (src/verify/); this rule reads its result, and re-checks
 * keyless identities against the entry so a result obtained for a broader requirement cannot pass.
 */
import type { RuleContext } from '../context.js';
import { matchesRepository } from '../glob.js';
import type { PolicyRules } from '../types.js';
import type { IdentityRequirement, SignatureResult, VerifyResult } from '../verify-types.js';

export type SignatureEntry = NonNullable<PolicyRules['signatures']>[number];

function matchOne(exact: string | undefined, re: string | undefined, value: string | undefined): boolean {
  if (exact !== undefined && value !== exact) return false;
  if (re !== undefined && (value === undefined || !new RegExp(re).test(value))) return false;
  return true;
}

/** True when a verified keyless identity satisfies one of the required identities (regular expressions unanchored, as cosign's). */
export function identityMatches(ids: IdentityRequirement[], got: { issuer?: string; subject?: string }): boolean {
  return ids.some((r) => matchOne(r.issuer, r.issuerRegExp, got.issuer) && matchOne(r.subject, r.subjectRegExp, got.subject));
}

/** Whether one verified signature satisfies the entry's signers. */
export function signatureAccepted(s: Pick<SignatureResult, 'ok' | 'kind' | 'identity'>, e: { keys?: unknown[]; keyless?: IdentityRequirement[]; notation?: unknown }): boolean {
  if (!s.ok) return false;
  if (s.kind === 'cosign-keyless' || s.identity) return e.keyless !== undefined && s.identity !== undefined && identityMatches(e.keyless, s.identity);
  if (s.kind === 'notation') return e.notation !== undefined;
  return e.keys !== undefined;
}

/** Describes an entry's signers for messages: "key, keyless (https://… / ^https://github.com/…)". */
export function describeSigners(e: { keys?: unknown[]; keyless?: IdentityRequirement[]; notation?: unknown }): string {
  const parts: string[] = [];
  if (e.keys) parts.push(e.keys.length === 1 ? 'the policy key' : `one of ${e.keys.length} policy keys`);
  for (const k of e.keyless ?? []) parts.push(`keyless ${k.issuer ?? `/${k.issuerRegExp}/`} ${k.subject ?? `/${k.subjectRegExp}/`}`);
  if (e.notation) parts.push('the notation trust store');
  return parts.join(' or ');
}

/** The verification result for an entry: its own, else the shared one. */
export function resultFor(ctx: RuleContext, key: string): VerifyResult | undefined {
  return ctx.facts.verifyByRequirement?.[key] ?? ctx.facts.verify;
}

/** Checks that a result was obtained for the image's digest. */
export function digestMismatch(ctx: RuleContext, r: VerifyResult): string | undefined {
  const d = ctx.facts.digest ?? ctx.facts.reference.digest;
  return d && r.digest && r.digest !== d ? `signatures were verified for ${r.digest} but the image is ${d}` : undefined;
}

/** Evaluates every signatures entry whose repositories match the image. */
export function evaluateSignatures(entries: SignatureEntry[], ctx: RuleContext): void {
  entries.forEach((e, i) => {
    if (!matchesRepository(e.repositories, ctx.facts.reference)) return;
    const key = `signatures[${i}]`;
    const r = resultFor(ctx, key);
    if (!r) {
      ctx.violate('signatures', { subject: key, message: `signature verification did not run (required by ${key}: ${describeSigners(e)})` });
      return;
    }
    const mismatch = digestMismatch(ctx, r);
    if (mismatch) {
      ctx.violate('signatures', { subject: key, message: mismatch });
      return;
    }
    if (r.signatures.some((s) => signatureAccepted(s, e))) return;
    const why = [...r.signatures.filter((s) => !s.ok && s.reason).map((s) => s.reason!), ...r.reasons];
    const wrongSigner = r.signatures.filter((s) => s.ok && s.identity).map((s) => `${s.identity!.issuer ?? '?'} ${s.identity!.subject ?? '?'}`);
    const detail = [...new Set(why)].join('; ') || (wrongSigner.length ? `signed by ${wrongSigner.join(', ')}` : r.signatures.length ? 'no signature from an accepted signer' : 'no signature found');
    ctx.violate('signatures', { subject: key, message: `no valid signature from ${describeSigners(e)} (${key}): ${detail}` });
  });
}
