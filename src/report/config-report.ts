/** Reports for `bulwark config` and `bulwark host`: hardening findings only (table, JSON, SARIF). */
import type { Inventory } from '../app/inventory.js';
import type { ConfigFinding } from '../checks/types.js';
import type { SuppressedFinding } from '../checks/suppress.js';
import { VERSION } from '../shared/version.js';
import { configSection } from './extra-sections.js';
import { buildSarif } from './sarif.js';

export interface ConfigReport {
  /** what was scanned: files, a directory, a host root */
  targets: string[];
  findings: ConfigFinding[];
  suppressed: SuppressedFinding[];
  warnings: string[];
}

export function configTable(r: ConfigReport): string {
  const out = [`Targets: ${r.targets.join(', ')}`, '', configSection(r.findings)];
  if (r.suppressed.length) out.push(`${r.suppressed.length} suppressed: ${r.suppressed.map((s) => `${s.finding.checkId} (${s.by}: ${s.reason})`).join('; ')}\n`);
  if (r.warnings.length) out.push(`${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}:\n${r.warnings.map((w) => `  ${w}`).join('\n')}\n`);
  return out.join('\n');
}

export function configJson(r: ConfigReport, now = new Date()): string {
  const counts: Record<string, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };
  for (const f of r.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        generator: { name: 'bulwark', version: VERSION },
        createdAt: now.toISOString(),
        targets: r.targets,
        configFindings: r.findings,
        summary: { total: r.findings.length, bySeverity: counts },
        suppressed: r.suppressed.map((s) => ({ checkId: s.finding.checkId, location: s.finding.location, source: s.finding.source, by: s.by, reason: s.reason })),
        warnings: r.warnings,
      },
      null,
      2,
    ) + '\n'
  );
}

export function configSarif(r: ConfigReport): string {
  const inventory: Inventory = { target: { kind: 'rootfs', reference: r.targets.join(' '), repoTags: [], repoDigests: [] }, config: {}, layers: [], packages: [], warnings: [] };
  return JSON.stringify(buildSarif({ inventory, findings: [], warnings: r.warnings, configFindings: r.findings }), null, 2) + '\n';
}
