/** requireDigest: the image must be referenced by digest, so what was checked is what runs. */
import { formatReference } from '../../source/registry/reference.js';
import type { RuleContext } from '../context.js';
import { repoOf } from '../glob.js';

/** Fails when the reference carries no @sha256:… digest. */
export function evaluateRequireDigest(required: boolean, ctx: RuleContext): void {
  const ref = ctx.facts.reference;
  if (!required || ref.digest) return;
  const hint = ctx.facts.digest ? ` (pin it: ${repoOf(ref)}@${ctx.facts.digest})` : '';
  ctx.violate('requireDigest', {
    subject: formatReference(ref),
    message: `${formatReference(ref)} is not pinned by digest${hint}`,
  });
}
