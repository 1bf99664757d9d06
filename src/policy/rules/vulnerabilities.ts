/**
 * vulnerabilities: a maximum severity (every finding above it fails) and/or maximum counts per
 * severity (counted after exceptions). `ignoreUnfixed` counts only findings that have a fix.
 * Severities rank CRITICAL > HIGH > MEDIUM > LOW > NEGLIGIBLE > UNKNOWN.
 */
import { SEVERITIES, type Finding, type Severity } from '../../vuln/match/types.js';
import type { RuleContext, RuleItem } from '../context.js';
import type { PolicyRules } from '../types.js';

export type VulnerabilityRule = NonNullable<PolicyRules['vulnerabilities']>;

/** 0 for CRITICAL … 5 for UNKNOWN. */
export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

function item(f: Finding): RuleItem {
  const fix = f.fixedVersion ? `fixed in ${f.fixedVersion}` : `no fix (${f.status})`;
  return {
    subject: f.id,
    severity: f.severity.level,
    ids: [...f.aliases, f.pkg.name, f.pkg.purl, ...(f.pkg.sourceName ? [f.pkg.sourceName] : [])],
    message: `${f.id} (${f.severity.level}) in ${f.pkg.name} ${f.installedVersion}: ${fix}${f.title ? ` — ${f.title}` : ''}`,
  };
}

/** Evaluates the limits over the findings (after exceptions). */
export function evaluateVulnerabilities(rule: VulnerabilityRule, ctx: RuleContext): void {
  const findings = ctx.facts.findings;
  if (!findings) {
    ctx.fail('vulnerabilities', { message: 'the vulnerability scan did not run (no findings provided)' });
    return;
  }
  const counted: { f: Finding; it: RuleItem }[] = [];
  for (const f of findings) {
    if (rule.ignoreUnfixed && !f.fixedVersion) continue;
    const it = item(f);
    if (!ctx.waived('vulnerabilities', it)) counted.push({ f, it });
  }
  if (rule.maxSeverity) {
    const max = severityRank(rule.maxSeverity);
    for (const { f, it } of counted) if (severityRank(f.severity.level) < max) ctx.fail('vulnerabilities', { ...it, message: `${it.message} (above the maximum ${rule.maxSeverity})` });
  }
  if (rule.maxCounts) {
    for (const s of SEVERITIES) {
      const limit = rule.maxCounts[s];
      if (limit === undefined) continue;
      const n = counted.filter((c) => c.f.severity.level === s).length;
      if (n > limit) {
        const scope = rule.ignoreUnfixed ? 'fixable ' : '';
        ctx.fail('vulnerabilities', { subject: s, severity: s, message: `${n} ${scope}${s} finding${n === 1 ? '' : 's'}, at most ${limit} allowed` });
      }
    }
  }
}
