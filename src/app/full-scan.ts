/**
 * One scan, several scanners (--scanners vuln,config,secret), one report: the inventory pass carries
 * the analyzers the chosen scanners need, then vulnerabilities, image hardening checks and secrets
 * are evaluated and suppressed in one place.
 */
import { applySuppressions } from '../checks/suppress.js';
import { scanConfigPaths } from './config-scan.js';
import { buildImageCheckInput } from '../checks/image/input.js';
import { imageChecks } from '../checks/image/registry.js';
import { runChecks } from '../checks/run.js';
import type { ConfigFinding } from '../checks/types.js';
import { eolStatus } from '../distro/eol.js';
import type { ScanReport, SuppressedItem } from '../report/types.js';
import { collectSecretFindings } from '../secrets/analyzer.js';
import type { SecretFinding } from '../secrets/scanner.js';
import { BulwarkError } from '../shared/errors.js';
import { globToRegExp, type IgnoreRule } from '../vuln/ignore.js';
import type { ScanResult } from './inventory.js';
import { loadIgnoreRules, scanVulnerabilities, type VulnOptions } from './vuln-scan.js';

export type Scanner = 'vuln' | 'config' | 'secret';
export const ALL_SCANNERS: Scanner[] = ['vuln', 'config', 'secret'];

export function parseScanners(s: string | undefined): Set<Scanner> {
  if (!s) return new Set(ALL_SCANNERS);
  const out = new Set<Scanner>();
  for (const x of s.split(',').map((v) => v.trim()).filter(Boolean)) {
    if (!(ALL_SCANNERS as string[]).includes(x)) throw new BulwarkError('USAGE', `unknown scanner ${JSON.stringify(x)} (use ${ALL_SCANNERS.join(', ')})`);
    out.add(x as Scanner);
  }
  return out;
}

export { scanAnalyzers } from './analyzers.js';

function suppressSecrets(secrets: SecretFinding[], rules: IgnoreRule[], now = new Date()): { kept: SecretFinding[]; suppressed: SuppressedItem[] } {
  const active = rules.filter((r) => (!r.expires || r.expires >= now) && !r.package && (r.id || r.path));
  const kept: SecretFinding[] = [];
  const suppressed: SuppressedItem[] = [];
  for (const s of secrets) {
    const r = active.find((x) => (!x.id || globToRegExp(x.id).test(s.ruleId)) && (!x.path || globToRegExp(x.path).test(s.path)));
    if (r) suppressed.push({ kind: 'secret', id: s.ruleId, subject: `${s.path}:${s.line}`, by: 'ignorefile', reason: r.reason });
    else kept.push(s);
  }
  return { kept, suppressed };
}

export interface FullScanOptions extends VulnOptions {
  scanners: Set<Scanner>;
  /** what the user typed (for reference checks: latest tag, digest pinning) */
  reference: string;
  /** directories whose Dockerfiles, compose files and manifests the config scanner checks (`bulwark fs`) */
  configPaths?: string[];
}

/** Runs the chosen scanners over an inventory scan result and assembles one report. */
export async function assembleReport(scan: ScanResult, opts: FullScanOptions): Promise<ScanReport> {
  const inv = scan.inventory;
  const warnings: string[] = [];
  const suppressed: SuppressedItem[] = [];
  const report: ScanReport = { inventory: inv, findings: [], warnings };
  if (inv.os) report.eol = eolStatus(inv.os);
  let rules: IgnoreRule[] = [];
  if (opts.scanners.has('vuln')) {
    const imageRefs = [inv.target.reference, ...inv.target.repoTags, ...inv.target.repoDigests];
    const vr = await scanVulnerabilities(inv.packages, inv.os, opts, imageRefs);
    report.findings = vr.findings;
    report.fixAdvice = vr.fixAdvice;
    warnings.push(...vr.warnings);
    rules = vr.ignoreRules;
    for (const s of vr.suppressed) suppressed.push({ kind: 'vulnerability', id: s.finding.id, subject: `${s.finding.pkg.name}@${s.finding.installedVersion}`, by: s.by, reason: s.reason, finding: s.finding });
  } else {
    rules = await loadIgnoreRules(opts.ignoreFile);
  }
  if (opts.scanners.has('config') && inv.target.kind !== 'rootfs') {
    const res = runImageChecks(scan, opts.reference);
    warnings.push(...res.warnings);
    const sup = applySuppressions(res.findings, [], rules);
    report.configFindings = sortConfig(sup.kept);
    for (const s of sup.suppressed) suppressed.push({ kind: 'config', id: s.finding.checkId, subject: s.finding.location?.path ?? s.finding.source, by: s.by, reason: s.reason });
  }
  if (opts.scanners.has('config') && opts.configPaths?.length) {
    const cfg = await scanConfigPaths(opts.configPaths, rules);
    report.configFindings = sortConfig([...(report.configFindings ?? []), ...cfg.findings]);
    warnings.push(...cfg.warnings.filter((w) => !w.startsWith('no Dockerfile')));
    for (const s of cfg.suppressed) suppressed.push({ kind: 'config', id: s.finding.checkId, subject: s.finding.location?.path ?? s.finding.source, by: s.by, reason: s.reason });
  }
  if (opts.scanners.has('secret')) {
    const sec = suppressSecrets(collectSecretFindings(scan), rules);
    report.secrets = sec.kept;
    suppressed.push(...sec.suppressed);
  }
  // --severity applies to every scanner (vulnerabilities were filtered by scanVulnerabilities)
  const levels = opts.severities as string[] | undefined;
  if (levels?.length) {
    if (report.configFindings) report.configFindings = report.configFindings.filter((f) => levels.includes(f.severity));
    if (report.secrets) report.secrets = report.secrets.filter((f) => levels.includes(f.severity));
  }
  if (suppressed.length) report.suppressed = suppressed;
  return report;
}

/** The image hardening checks (IMG-) over a scan result: what `--scanners config` reports before suppressions. */
export function runImageChecks(scan: ScanResult, reference: string, now?: Date): { findings: ConfigFinding[]; warnings: string[] } {
  const input = buildImageCheckInput(scan, { reference, now });
  const res = runChecks(imageChecks, input, reference);
  return { findings: sortConfig(res.findings), warnings: res.warnings };
}

/**
 * Hardening results of an image scan (the scan must have run with `scanAnalyzers(true)`): the image
 * checks and the secrets (redacted, with their layer), the way `assembleReport` computes them, without
 * ignore rules. `bulwark server` keeps these for the images it scans.
 */
export function hardeningResults(scan: ScanResult, reference: string, now?: Date): { configFindings: ConfigFinding[]; secrets: SecretFinding[]; warnings: string[] } {
  const checks = scan.inventory.target.kind !== 'rootfs' ? runImageChecks(scan, reference, now) : { findings: [], warnings: [] };
  return { configFindings: checks.findings, secrets: collectSecretFindings(scan), warnings: checks.warnings };
}

const SEV = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
export function sortConfig(f: ConfigFinding[]): ConfigFinding[] {
  return [...f].sort((a, b) => SEV.indexOf(a.severity) - SEV.indexOf(b.severity) || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}
