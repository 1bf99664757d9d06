/**
 * `scanDockerfile`: parse, run every Dockerfile check, apply inline suppressions and ignore-file
 * rules. The entry point for `bulwark config <Dockerfile>`.
 */
import { basename } from 'node:path';
import type { IgnoreRule } from '../../vuln/ignore.js';
import { runChecks } from '../run.js';
import { applySuppressions, parseInlineSuppressions, type SuppressedFinding } from '../suppress.js';
import type { ConfigFinding } from '../types.js';
import { parseDockerfile } from './parse.js';
import { dockerfileChecks } from './registry.js';

export interface ConfigScanResult {
  findings: ConfigFinding[];
  suppressed: SuppressedFinding[];
  warnings: string[];
}

/** True for Dockerfile, Containerfile, Dockerfile.prod, prod.Dockerfile, app.dockerfile. */
export function isDockerfilePath(path: string): boolean {
  const name = basename(path);
  if (/\.(md|txt|json|ya?ml|js|ts|map|sh|bak|orig|swp|rej)$/i.test(name)) return false;
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

/** Scans Dockerfile text. Throws a one-line BulwarkError (MALFORMED_MANIFEST) naming `path` on malformed input. */
export function scanDockerfile(text: string, path: string, opts: { ignoreRules?: IgnoreRule[]; now?: Date } = {}): ConfigScanResult {
  const input = parseDockerfile(text, path);
  const { findings, warnings } = runChecks(dockerfileChecks, input, path);
  const inline = parseInlineSuppressions(text);
  const { kept, suppressed } = applySuppressions(findings, inline.suppressions, opts.ignoreRules ?? [], opts.now);
  kept.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.checkId.localeCompare(b.checkId));
  return { findings: kept, suppressed, warnings: [...inline.warnings.map((w) => `${path}: ${w}`), ...warnings] };
}
