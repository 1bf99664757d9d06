/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one rule per vulnerability ID,
 * one result per finding, a relative artifact URI (the package's path in the image, else the image
 * name), the image as a logical location, and partialFingerprints that survive rebuilds.
 */
import { createHash } from 'node:crypto';
import type { Inventory } from '../app/inventory.js';
import { VERSION } from '../shared/version.js';
import type { Finding, Severity } from '../vuln/match/types.js';
import { displayFixed } from '../vuln/report-filters.js';
import { sortFindings } from './summary.js';
import { extraSarif } from './sarif-extra.js';
import type { ScanReport } from './types.js';
import { layerLabel } from './vuln-table.js';

/** The official OASIS schema location (errata 01), written as the log's $schema. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF result levels. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

// The subset of SARIF objects Bulwark writes (names as in the spec).
interface Message { text: string; markdown?: string }
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  helpUri?: string;
  help: Message;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string; 'security-severity'?: string };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: Message;
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
    logicalLocations: { name: string; fullyQualifiedName?: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
/** A SARIF log with one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; fullName: string; version: string; semanticVersion: string; rules: SarifRule[] } };
    automationDetails: { id: string };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: SarifLevel; message: Message }[] }[];
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}

/** CRITICAL/HIGH -> error, MEDIUM -> warning, everything below -> note. */
export function sarifLevel(s: Severity): SarifLevel {
  return s === 'CRITICAL' || s === 'HIGH' ? 'error' : s === 'MEDIUM' ? 'warning' : 'note';
}

const REPRESENTATIVE: Partial<Record<Severity, number>> = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 2.0, NEGLIGIBLE: 1.0 };
const BANDS: Partial<Record<Severity, [number, number]>> = { CRITICAL: [9, 10], HIGH: [7, 8.9], MEDIUM: [4, 6.9], LOW: [0.1, 3.9], NEGLIGIBLE: [0.1, 3.9] };

/**
 * GitHub's security-severity (a score string, which it buckets as >=9 critical, >=7 high, >=4
 * medium, else low). The CVSS score when it agrees with our level, else a representative score for
 * the level, so GitHub never shows a different severity than our table (a CVSS v2 9.3 rated HIGH
 * stays high). UNKNOWN gets none: GitHub then shows the plain level instead of inventing one.
 */
export function securitySeverity(s: Finding['severity']): string | undefined {
  const band = BANDS[s.level];
  if (s.score !== undefined && band && s.score >= band[0] && s.score <= band[1]) return s.score.toFixed(1);
  return REPRESENTATIVE[s.level]?.toFixed(1);
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/**
 * The image as a relative URI: the repository name without tag or digest ("docker.io/library/app");
 * for archives and directories without a name, the file's base name (never a path of this machine).
 */
export function imageUri(inv: Inventory): string {
  const t = inv.target;
  let name = t.name ?? (t.kind === 'registry' ? t.reference : (t.reference.replace(/\/+$/, '').split('/').pop() ?? ''));
  name = name.replace(/@[^/]*$/, '');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash && t.kind === 'registry') name = name.slice(0, colon);
  name = name.replace(/^\/+/, '');
  return encodePath(name || 'image');
}

/** Relative URI of a finding: the package's file inside the image (outer file of a nested jar), else the image name. */
export function artifactUri(inv: Inventory, f: Finding): string {
  const path = f.pkg.path?.split('!')[0]?.replace(/^\/+/, '');
  return path ? encodePath(path) : imageUri(inv);
}

/** Stable across rebuilds and upgrades: rule, image name, package identity and path; no version or layer. */
export function fingerprint(inv: Inventory, f: Finding): string {
  const key = [f.id, imageUri(inv), f.pkg.type, f.pkg.name, f.pkg.path ?? ''].join('\0');
  return createHash('sha256').update(key).digest('hex');
}

function helpUri(refs: string[]): string | undefined {
  return refs.find((r) => /^https?:\/\/[^\s]+$/.test(r));
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function buildRule(id: string, list: Finding[], inv: Inventory): SarifRule {
  const worst = list[0]!;
  const title = worst.title || worst.description?.split('\n')[0] || id;
  const rows = list.map((f) => `| ${cell(f.pkg.name)} | ${cell(f.installedVersion)} | ${cell(displayFixed(f) || '—')} | ${cell(f.status)} | ${cell(f.pkg.path ?? '')} | ${cell(layerLabel(inv, f.pkg.layerIndex))} |`);
  const refs = [...new Set(list.flatMap((f) => f.references))];
  const textLines = [`Vulnerability ${id}`, `Severity: ${worst.severity.level}`, ...list.map((f) => `Package: ${f.pkg.name} ${f.installedVersion} (fixed: ${displayFixed(f) || 'none'})`)];
  const markdown = [
    `**${id}** (${worst.severity.level}${worst.severity.score !== undefined ? `, CVSS ${worst.severity.score.toFixed(1)}` : ''})`,
    '',
    worst.description ?? title,
    '',
    '| Package | Installed | Fixed | Status | Path | Layer |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(refs.length ? ['', 'References:', ...refs.map((r) => `- ${r}`)] : []),
  ].join('\n');
  const sev = securitySeverity(worst.severity);
  return {
    id,
    name: 'ContainerPackageVulnerability',
    shortDescription: { text: title.startsWith(id) ? title : `${id}: ${title}` },
    fullDescription: { text: worst.description || title },
    ...(helpUri(refs) ? { helpUri: helpUri(refs)! } : {}),
    help: { text: textLines.join('\n'), markdown },
    defaultConfiguration: { level: sarifLevel(worst.severity.level) },
    properties: { tags: ['vulnerability', 'security', worst.severity.level], precision: 'very-high', ...(sev ? { 'security-severity': sev } : {}) },
  };
}

function resultMessage(inv: Inventory, f: Finding): string {
  const fixed = displayFixed(f);
  const layer = layerLabel(inv, f.pkg.layerIndex, 60);
  return [
    `${f.pkg.type} package ${f.pkg.name} ${f.installedVersion} is affected by ${f.id} (${f.severity.level}).`,
    fixed ? `Fixed in ${fixed}.` : `No fix: ${f.status}.`,
    f.pkg.path ? `Found at ${f.pkg.path}.` : '',
    layer ? `Layer ${layer}.` : '',
    `Image: ${inv.target.reference}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function buildResult(inv: Inventory, f: Finding, ruleIndex: number): SarifResult {
  const digest = inv.target.manifestDigest ?? inv.target.repoDigests[0]?.split('@')[1];
  const hash = fingerprint(inv, f);
  return {
    ruleId: f.id,
    ruleIndex,
    level: sarifLevel(f.severity.level),
    message: { text: resultMessage(inv, f) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(inv, f) }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
        logicalLocations: [
          { name: inv.target.reference, ...(digest ? { fullyQualifiedName: `${imageUri(inv)}@${digest}` } : {}), kind: 'image' },
          { name: f.pkg.name, fullyQualifiedName: f.pkg.purl, kind: 'package' },
        ],
      },
    ],
    // GitHub keys alerts on primaryLocationLineHash; it cannot compute one for a file that is not in the repository
    partialFingerprints: { primaryLocationLineHash: hash, 'bulwarkFinding/v1': hash },
    properties: {
      packageName: f.pkg.name,
      packageType: f.pkg.type,
      purl: f.pkg.purl,
      installedVersion: f.installedVersion,
      fixedVersion: displayFixed(f),
      status: f.status,
      severity: f.severity.level,
      ...(f.severity.score !== undefined ? { cvssScore: f.severity.score } : {}),
      ...(f.pkg.layerIndex !== undefined ? { layerIndex: f.pkg.layerIndex } : {}),
      ...(f.pkg.layerDiffId ? { layerDiffId: f.pkg.layerDiffId } : {}),
    },
  };
}

/** The SARIF log as an object (rules and results in the stable report order). */
export function buildSarif(report: ScanReport): SarifLog {
  const inv = report.inventory;
  const findings = sortFindings(report.findings);
  const byId = new Map<string, Finding[]>();
  for (const f of findings) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  // rules ordered like their most severe finding (findings are sorted, so first-seen order)
  const ids = [...byId.keys()];
  const rules = ids.map((id) => buildRule(id, byId.get(id)!, inv));
  const index = new Map(ids.map((id, i) => [id, i]));
  const extra = extraSarif(report, rules.length);
  rules.push(...extra.rules);
  const t = inv.target;
  const warnings = [...new Set([...inv.warnings, ...report.warnings])];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bulwark', fullName: `Bulwark container scanner ${VERSION}`, version: VERSION, semanticVersion: VERSION, rules } },
        automationDetails: { id: `bulwark/${imageUri(inv)}/` },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: warnings.map((w) => ({ level: 'warning' as const, message: { text: w } })) }],
        results: [...findings.map((f) => buildResult(inv, f, index.get(f.id)!)), ...extra.results],
        properties: {
          imageReference: t.reference,
          imageKind: t.kind,
          ...(t.name ? { imageName: t.name } : {}),
          ...(t.manifestDigest ? { imageDigest: t.manifestDigest } : {}),
          ...(t.configDigest ? { imageId: t.configDigest } : {}),
          repoTags: t.repoTags,
          repoDigests: t.repoDigests,
          ...(t.platform ? { platform: t.platform } : {}),
          ...(inv.os ? { os: `${inv.os.family} ${inv.os.version}` } : {}),
        },
      },
    ],
  };
}

/** The SARIF log as pretty-printed JSON text, newline-terminated. No timestamps: same input, same bytes. */
export function renderSarif(report: ScanReport): string {
  return JSON.stringify(buildSarif(report), null, 2) + '\n';
}
