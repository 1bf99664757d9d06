/** Table sections for hardening findings and secrets, and the EOL note, shared by every text report. */
import type { ConfigFinding } from '../checks/types.js';
import type { EolStatus } from '../distro/eol.js';
import type { SecretFinding } from '../secrets/scanner.js';
import { renderTable } from './packages-table.js';
import type { ScanReport } from './types.js';
import { shortCreatedBy, truncate } from './vuln-table.js';

function where(f: ConfigFinding): string {
  const l = f.location;
  if (!l) return '';
  const parts = [l.path && (l.line ? `${l.path}:${l.line}` : l.path), l.object, l.layer !== undefined ? `layer ${l.layer + 1}` : undefined].filter(Boolean);
  return parts.join(' · ');
}

export function configSection(findings: ConfigFinding[]): string {
  if (!findings.length) return 'Hardening: no findings\n';
  const counts = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'].map((s) => `${s}: ${findings.filter((f) => f.severity === s).length}`).join(', ');
  const rows = findings.map((f) => [f.checkId, f.severity, truncate(f.title, 44), truncate(f.message, 70), truncate(where(f), 48)]);
  return `Hardening: ${findings.length} (${counts})\n\n` + renderTable(rows, ['CHECK', 'SEVERITY', 'TITLE', 'DETAIL', 'WHERE']);
}

export function secretsSection(secrets: SecretFinding[]): string {
  if (!secrets.length) return 'Secrets: none found\n';
  const rows = secrets.map((s) => [
    s.ruleId,
    s.severity,
    `${s.path}:${s.line}`,
    s.key ? `${s.key}=${s.match}` : s.match,
    s.layer !== undefined ? `${s.layer + 1}${s.layerCreatedBy ? `: ${shortCreatedBy(s.layerCreatedBy, 30)}` : ''}${s.deletedLater ? ' (deleted later, still in the image)' : ''}` : '',
  ]);
  return `Secrets: ${secrets.length} (values redacted)\n\n` + renderTable(rows, ['RULE', 'SEVERITY', 'FILE', 'MATCH', 'LAYER']);
}

/** "end of life since 2021-05-01" / "supported until …", for the OS line. */
export function eolNote(eol: EolStatus | undefined): string | undefined {
  if (!eol) return undefined;
  const date = eol.release?.eol;
  if (eol.state === 'eol') return `END OF LIFE${date ? ` since ${date}` : ''}`;
  if (eol.state === 'supported' && eol.daysLeft !== undefined && eol.daysLeft < 90 && date) return `end of life on ${date}`;
  return undefined;
}

export function extraSections(report: ScanReport): string[] {
  const out: string[] = [];
  if (report.configFindings) out.push(configSection(report.configFindings));
  if (report.secrets) out.push(secretsSection(report.secrets));
  if (report.suppressed?.length) out.push(`${report.suppressed.length} finding${report.suppressed.length === 1 ? '' : 's'} suppressed (ignore file, VEX or inline): see --format json\n`);
  return out;
}
