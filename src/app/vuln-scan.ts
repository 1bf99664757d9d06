/**
 * Vulnerability scanning on top of an inventory: open the advisory store, match, apply the ignore
 * file and VEX, filter by severity / fix status, and compute fix advice. Used by `bulwark image`,
 * `bulwark rootfs` and `bulwark sbom-scan` alike.
 */
import { existsSync } from 'node:fs';
import { resolveCacheDir } from '../cache/dirs.js';
import type { OsInfo, Package } from '../catalog/types.js';
import { BulwarkError } from '../shared/errors.js';
import { dbFreshness, openAdvisoryDb } from '../vuln/db/index.js';
import { fixAdvice, type FixAdvice } from '../vuln/fix-advice.js';
import { applyIgnoreRules, loadIgnoreFile, type IgnoreRule, type Suppression } from '../vuln/ignore.js';
import { matchPackages } from '../vuln/match/engine.js';
import type { AdvisorySource, Finding, Severity } from '../vuln/match/types.js';
import { applyFilters } from '../vuln/report-filters.js';
import { applyVex, loadVex } from '../vuln/vex.js';

export interface VulnOptions {
  cacheDir?: string;
  severities?: Severity[];
  ignoreUnfixed?: boolean;
  /** explicit ignore file; else ./.bulwarkignore.yaml when present */
  ignoreFile?: string;
  vex?: string[];
  osManagedUpstream?: boolean;
  /** warn when the database is older than this (hours) */
  maxDbAgeHours?: number;
  /** an advisory source to use instead of the store (tests, sbom-scan with --advisories) */
  source?: AdvisorySource;
}

export interface VulnResult {
  findings: Finding[];
  suppressed: Suppression[];
  fixAdvice: FixAdvice;
  warnings: string[];
  /** ignore rules loaded, for config/secret suppression too */
  ignoreRules: IgnoreRule[];
}

export const DEFAULT_IGNORE_FILE = '.bulwarkignore.yaml';

/** Loads the ignore file: the explicit one, else ./.bulwarkignore.yaml if it exists. */
export async function loadIgnoreRules(file?: string): Promise<IgnoreRule[]> {
  if (file) return loadIgnoreFile(file);
  return existsSync(DEFAULT_IGNORE_FILE) ? loadIgnoreFile(DEFAULT_IGNORE_FILE) : [];
}

function openSource(opts: VulnOptions, warnings: string[]): { source: AdvisorySource; close: () => void } {
  if (opts.source) return { source: opts.source, close: () => {} };
  const cacheDir = resolveCacheDir(opts.cacheDir);
  const fresh = dbFreshness(cacheDir, { maxAgeHours: opts.maxDbAgeHours });
  if (!fresh.exists) {
    throw new BulwarkError('DB_ERROR', 'no advisory database: run "bulwark db update", or "bulwark db import <dir|zip|jsonl>" offline');
  }
  if (fresh.stale) warnings.push(`the advisory database is ${Math.round(fresh.ageHours ?? 0)} hours old: run "bulwark db update"`);
  const db = openAdvisoryDb(cacheDir);
  return { source: db, close: () => db.close() };
}

/** Matches packages and applies suppressions, filters and fix advice. */
export async function scanVulnerabilities(packages: Package[], os: OsInfo | undefined, opts: VulnOptions, imageRefs: string[] = []): Promise<VulnResult> {
  const warnings: string[] = [];
  const ignoreRules = await loadIgnoreRules(opts.ignoreFile);
  const vex = (await Promise.all((opts.vex ?? []).map(loadVex))).flat();
  const { source, close } = openSource(opts, warnings);
  try {
    const matched = matchPackages(packages, os, source, { osManagedUpstream: opts.osManagedUpstream });
    warnings.push(...matched.warnings);
    const ig = applyIgnoreRules(matched.findings, ignoreRules);
    warnings.push(...ig.warnings);
    const vx = applyVex(ig.kept, vex, imageRefs);
    const findings = applyFilters(vx.kept, { severities: opts.severities, ignoreUnfixed: opts.ignoreUnfixed });
    return { findings, suppressed: [...ig.suppressed, ...vx.suppressed], fixAdvice: fixAdvice(findings), warnings, ignoreRules };
  } finally {
    close();
  }
}
