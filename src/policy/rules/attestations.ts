/**
 * attestations: images in matching repositories must carry a verified in-toto attestation of each
 * listed predicate type (a URI, a glob, or a cosign short name: slsaprovenance1, spdx, cyclonedx …).
 * Verification is verifyImage's;
 * this rule reads its result.
 */
import { normalizePredicateType } from '../../verify/intoto.js';
import { globToRegExp } from '../../vuln/ignore.js';
import type { RuleContext } from '../context.js';
import { matchesRepository } from '../glob.js';
import type { PolicyRules } from '../types.js';
import { digestMismatch, resultFor } from './signatures.js';

export type AttestationEntry = NonNullable<PolicyRules['attestations']>[number];

/** Evaluates every attestations entry whose repositories match the image. */
export function evaluateAttestations(entries: AttestationEntry[], ctx: RuleContext): void {
  entries.forEach((e, i) => {
    if (!matchesRepository(e.repositories, ctx.facts.reference)) return;
    const key = `attestations[${i}]`;
    const r = resultFor(ctx, key);
    for (const pt of e.predicateTypes) {
      if (!r) {
        ctx.violate('attestations', { subject: pt, message: `attestation verification did not run (${key} requires ${pt})` });
        continue;
      }
      const mismatch = digestMismatch(ctx, r);
      if (mismatch) {
        ctx.violate('attestations', { subject: pt, message: mismatch });
        continue;
      }
      const re = globToRegExp(normalizePredicateType(pt));
      const same = r.attestations.filter((a) => re.test(a.predicateType));
      if (same.some((a) => a.ok)) continue;
      const why = [...new Set(same.filter((a) => a.reason).map((a) => a.reason!))].join('; ');
      ctx.violate('attestations', { subject: pt, message: `no verified attestation of type ${pt} (${key})${why ? `: ${why}` : same.length ? '' : ': none found'}` });
    }
  });
}
