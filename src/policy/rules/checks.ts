/**
 * checks: hardening checks that must report nothing (by ID or slug, globs allowed: IMG-001,
 * ssh-server-installed, IMG-00*) and a maximum severity for any config finding.
 */
import type { ConfigFinding } from '../../checks/types.js';
import { globToRegExp } from '../../vuln/ignore.js';
import type { RuleContext } from '../context.js';
import { CHECK_SEVERITIES } from '../schema.js';
import type { PolicyRules } from '../types.js';

export type ChecksRule = NonNullable<PolicyRules['checks']>;

function rank(s: string): number {
  const i = (CHECK_SEVERITIES as readonly string[]).indexOf(s);
  return i < 0 ? CHECK_SEVERITIES.length : i;
}

/** True when a pattern names the finding's check (ID or slug). */
export function namesCheck(pattern: string, f: Pick<ConfigFinding, 'checkId' | 'slug'>): boolean {
  const re = globToRegExp(pattern);
  return re.test(f.checkId) || re.test(f.slug);
}

/** One violation per config finding that a must-pass check reported or that is above the maximum severity. */
export function evaluateChecks(rule: ChecksRule, ctx: RuleContext): void {
  const findings = ctx.facts.configFindings;
  if (!findings) {
    ctx.fail('checks', { message: 'the hardening checks did not run (no check results provided)' });
    return;
  }
  const max = rule.maxSeverity ? rank(rule.maxSeverity) : -1;
  for (const f of findings) {
    const must = rule.mustPass?.find((p) => namesCheck(p, f));
    const above = rank(f.severity) < max;
    if (!must && !above) continue;
    const where = f.location?.path ? ` (${f.location.path}${f.location.layer !== undefined ? `, layer ${f.location.layer + 1}` : ''})` : '';
    const why = must ? `must pass (${must})` : `above the maximum ${rule.maxSeverity}`;
    ctx.violate('checks', { subject: f.checkId, severity: f.severity, ids: [f.slug], message: `${f.checkId} ${f.slug} (${f.severity}) ${why}: ${f.message}${where}` });
  }
}
