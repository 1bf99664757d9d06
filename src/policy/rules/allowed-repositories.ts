/** allowedRepositories: the image must come from one of the listed registries or repositories. */
import { formatReference } from '../../source/registry/reference.js';
import type { RuleContext } from '../context.js';
import { matchesRepository, repoOf } from '../glob.js';

/** Fails when registry/repository matches none of the globs. */
export function evaluateAllowedRepositories(globs: string[], ctx: RuleContext): void {
  const ref = ctx.facts.reference;
  if (matchesRepository(globs, ref)) return;
  const repo = repoOf(ref);
  ctx.violate('allowedRepositories', {
    subject: repo,
    ids: [formatReference(ref)],
    message: `${repo} is not an allowed repository (allowed: ${globs.join(', ')})`,
  });
}
