/** SARIF rules and results for hardening checks and secrets, appended to the vulnerability run. */
import { createHash } from 'node:crypto';
import type { ConfigFinding } from '../checks/types.js';
import type { SecretFinding } from '../secrets/scanner.js';
import type { SarifLevel, SarifResult, SarifRule } from './sarif.js';
import type { ScanReport } from './types.js';

const LEVEL: Record<string, SarifLevel> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'note', INFO: 'note' };
const SCORE: Record<string, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', INFO: '0.0' };

function uri(path: string | undefined, fallback: string): string {
  const p = (path ?? fallback).replace(/^\/+/, '');
  return encodeURI(p || 'image').replace(/:/g, '%3A');
}

function region(line?: number): SarifResult['locations'][0]['physicalLocation']['region'] {
  const l = line && line > 0 ? line : 1;
  return { startLine: l, startColumn: 1, endLine: l, endColumn: 1 };
}

function fp(...parts: (string | number | undefined)[]): string {
  return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\0')).digest('hex').slice(0, 32);
}

function configRule(f: ConfigFinding): SarifRule {
  return {
    id: f.checkId,
    name: f.slug,
    shortDescription: { text: f.title },
    fullDescription: { text: f.title },
    help: { text: `${f.remediation} (docs/checks/${f.checkId}.md)`, markdown: `**${f.title}**\n\n${f.remediation}\n\nSee \`docs/checks/${f.checkId}.md\` in Bulwark.` },
    defaultConfiguration: { level: LEVEL[f.severity]! },
    properties: { tags: ['security', 'misconfiguration', f.target], precision: 'very-high', 'security-severity': SCORE[f.severity]! },
  };
}

function secretRule(s: SecretFinding): SarifRule {
  return {
    id: `secret/${s.ruleId}`,
    name: s.ruleId,
    shortDescription: { text: s.title },
    fullDescription: { text: `${s.title} (${s.category})` },
    help: { text: 'Remove the secret from the image (every layer, not just the final filesystem), rotate it, and pass it at run time or through a build secret mount.' },
    defaultConfiguration: { level: LEVEL[s.severity]! },
    properties: { tags: ['security', 'secret', s.category], precision: 'high', 'security-severity': SCORE[s.severity]! },
  };
}

/** Rules and results for config findings and secrets; rule indexes start at `offset`. */
export function extraSarif(report: ScanReport, offset: number): { rules: SarifRule[]; results: SarifResult[] } {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const ruleFor = (id: string, make: () => SarifRule): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = offset + rules.length;
      rules.push(make());
      index.set(id, i);
    }
    return i;
  };
  const ref = report.inventory.target.reference;
  const results: SarifResult[] = [];
  for (const f of report.configFindings ?? []) {
    const ri = ruleFor(f.checkId, () => configRule(f));
    results.push({
      ruleId: f.checkId,
      ruleIndex: ri,
      level: LEVEL[f.severity]!,
      message: { text: `${f.message}${f.evidence ? ` (${f.evidence})` : ''}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.location?.path, ref) }, region: region(f.location?.line) }, logicalLocations: [{ name: ref, kind: 'module' }] }],
      partialFingerprints: { 'bulwarkCheck/v1': fp(f.checkId, ref, f.location?.path, f.message) },
      properties: { severity: f.severity, ...(f.location?.layer !== undefined ? { layer: f.location.layer } : {}) },
    });
  }
  for (const s of report.secrets ?? []) {
    const ri = ruleFor(`secret/${s.ruleId}`, () => secretRule(s));
    results.push({
      ruleId: `secret/${s.ruleId}`,
      ruleIndex: ri,
      level: LEVEL[s.severity]!,
      message: { text: `${s.title} in ${s.path}:${s.line}${s.layer !== undefined ? ` (layer ${s.layer + 1}${s.deletedLater ? ', deleted later but still in the image' : ''})` : ''}: ${s.key ? `${s.key}=` : ''}${s.match}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(s.path, ref) }, region: region(s.line) }, logicalLocations: [{ name: ref, kind: 'module' }] }],
      partialFingerprints: { 'bulwarkSecret/v1': fp(s.ruleId, ref, s.path, s.line, s.layer) },
      properties: { severity: s.severity, category: s.category },
    });
  }
  return { rules, results };
}
