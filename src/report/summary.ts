/** Counts, ordering and the --exit-code gate shared by every vulnerability report format. */
import { SEVERITIES, type Finding, type Severity, type Status } from '../vuln/match/types.js';

/** Every status, in the order reports list them (actionable first). */
export const STATUSES: Status[] = ['fixed', 'affected', 'fix_deferred', 'will_not_fix', 'end_of_life', 'unknown'];

/** Counts for a set of findings; every severity and status key is present, zero or not. */
export interface FindingSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  byStatus: Record<Status, number>;
  /** findings with a released fix (status "fixed") */
  fixable: number;
}

/** 0 for CRITICAL up to 5 for UNKNOWN: lower is more severe. */
export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

/** Parses a severity name case-insensitively ("high" -> HIGH); undefined when it is not one. */
export function parseSeverity(s: string): Severity | undefined {
  const up = s.trim().toUpperCase();
  return SEVERITIES.find((x) => x === up);
}

/** Findings per severity, every level present, in severity order. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) out[f.severity.level] = (out[f.severity.level] ?? 0) + 1;
  return out;
}

/** Findings per status, every status present, in STATUSES order. */
export function countByStatus(findings: Finding[]): Record<Status, number> {
  const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) out[f.status] = (out[f.status] ?? 0) + 1;
  return out;
}

/** Total, per-severity, per-status and fixable counts. */
export function summarize(findings: Finding[]): FindingSummary {
  return {
    total: findings.length,
    bySeverity: countBySeverity(findings),
    byStatus: countByStatus(findings),
    fixable: findings.filter((f) => f.status === 'fixed').length,
  };
}

/**
 * True when any finding is at least as severe as minSeverity (CRITICAL > HIGH > MEDIUM > LOW >
 * NEGLIGIBLE > UNKNOWN): the --exit-code gate. With UNKNOWN every finding counts.
 */
export function exceeds(findings: Finding[], minSeverity: Severity): boolean {
  const limit = severityRank(minSeverity);
  return findings.some((f) => severityRank(f.severity.level) <= limit);
}

/** "Total: 5 (CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 2, NEGLIGIBLE: 0, UNKNOWN: 0), 3 fixable" */
export function formatCounts(s: FindingSummary): string {
  const parts = SEVERITIES.map((sev) => `${sev}: ${s.bySeverity[sev]}`).join(', ');
  return `Total: ${s.total} (${parts}), ${s.fixable} fixable`;
}

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Stable report order: severity, then package name, installed version, path, vulnerability ID. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity.level) - severityRank(b.severity.level) ||
    cmp(a.pkg.name, b.pkg.name) ||
    cmp(a.installedVersion, b.installedVersion) ||
    cmp(a.pkg.path, b.pkg.path) ||
    cmp(a.id, b.id) ||
    cmp(a.pkg.type, b.pkg.type)
  );
}

/** A sorted copy (compareFindings); the input is left as it was. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
