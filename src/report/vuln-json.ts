/**
 * Versioned JSON vulnerability report (docs/json-report.md, schema in
 * docs/schemas/bulwark-report-v1.schema.json). Additive changes keep schemaVersion; breaking ones bump it.
 */
import type { Inventory, LayerSummary } from '../app/inventory.js';
import type { OsInfo, Package } from '../catalog/types.js';
import { VERSION } from '../shared/version.js';
import type { Finding } from '../vuln/match/types.js';
import { displayFixed } from '../vuln/report-filters.js';
import { sortFindings, summarize, type FindingSummary } from './summary.js';
import type { FixAdvice, ScanReport } from './types.js';

/** The JSON report's schema version; bump only for breaking changes. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * One finding as the JSON report writes it: the matcher's Finding with `pkg` published as `package`,
 * plus the fixed version(s) as the table shows them (`fixedDisplay`, "" when there is no fix).
 */
export type JsonFinding = Omit<Finding, 'pkg'> & { package: Finding['pkg']; fixedDisplay: string };

/** The whole JSON report (schemaVersion 1). */
export interface JsonReport {
  eol?: { state: string; cycle?: string; eolDate: string | null; daysLeft?: number };
  configFindings?: ScanReport['configFindings'];
  secrets?: ScanReport['secrets'];
  suppressed?: ScanReport['suppressed'];
  schemaVersion: number;
  generator: { name: 'bulwark'; version: string };
  createdAt: string;
  target: Inventory['target'];
  os: OsInfo | null;
  layers: Omit<LayerSummary, 'cached'>[];
  packages: Omit<Package, 'files'>[];
  findings: JsonFinding[];
  summary: FindingSummary;
  fixAdvice: FixAdvice | null;
  warnings: string[];
}

export interface VulnJsonOptions {
  /** report time (default: now); tests pass a fixed date */
  now?: Date;
}

/** Copies only defined keys, so optional fields are absent rather than null. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function jsonFinding(f: Finding): JsonFinding {
  return defined({
    id: f.id,
    aliases: f.aliases,
    advisories: f.advisories,
    severity: defined({ level: f.severity.level, score: f.severity.score, vector: f.severity.vector, source: f.severity.source }),
    status: f.status,
    title: f.title,
    description: f.description,
    package: defined({ ...f.pkg }),
    installedVersion: f.installedVersion,
    fixedVersions: f.fixedVersions,
    fixedVersion: f.fixedVersion,
    fixedDisplay: displayFixed(f),
    references: f.references,
    published: f.published,
    modified: f.modified,
    match: f.match,
  });
}

/** Only the documented fields of fix advice (the scan's own object may carry more). */
function jsonFixAdvice(a: FixAdvice | undefined): FixAdvice | null {
  if (!a) return null;
  return {
    packages: a.packages.map((p) => defined({ name: p.name, type: p.type, installed: p.installed, recommended: p.recommended, fixes: p.fixes, path: p.path })),
    summary: a.summary,
  };
}

/** The report as a plain object (findings sorted, warnings de-duplicated). */
export function buildVulnJson(report: ScanReport, opts: VulnJsonOptions = {}): JsonReport {
  const inv = report.inventory;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: 'bulwark', version: VERSION },
    createdAt: (opts.now ?? new Date()).toISOString(),
    target: inv.target,
    os: inv.os ?? null,
    layers: inv.layers.map(({ cached: _c, ...l }) => l),
    packages: inv.packages.map(({ files: _f, ...p }) => p),
    findings: sortFindings(report.findings).map(jsonFinding),
    summary: summarize(report.findings),
    fixAdvice: jsonFixAdvice(report.fixAdvice),
    warnings: [...new Set([...inv.warnings, ...report.warnings])],
    ...(report.eol ? { eol: { state: report.eol.state, cycle: report.eol.cycle, eolDate: report.eol.release?.eol ?? null, daysLeft: report.eol.daysLeft } } : {}),
    ...(report.configFindings ? { configFindings: report.configFindings } : {}),
    ...(report.secrets ? { secrets: report.secrets } : {}),
    ...(report.suppressed ? { suppressed: report.suppressed.map(({ finding: _f, ...item }) => item) } : {}),
  };
}

/** The report as pretty-printed JSON text, newline-terminated. */
export function renderVulnJson(report: ScanReport, opts: VulnJsonOptions = {}): string {
  return JSON.stringify(buildVulnJson(report, opts), null, 2) + '\n';
}
