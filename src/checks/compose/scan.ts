/**
 * `scanCompose`: parse, run every compose check, apply inline suppressions and ignore-file
 * rules. The entry point for `bulwark config <compose.yaml>`.
 */
import { basename } from 'node:path';
import type { IgnoreRule } from '../../vuln/ignore.js';
import type { ConfigScanResult } from '../dockerfile/scan.js';
import { runChecks } from '../run.js';
import { applySuppressions, parseInlineSuppressions } from '../suppress.js';
import { parseCompose } from './parse.js';
import { composeChecks } from './registry.js';

/** compose.yaml, docker-compose.yml, docker-compose.override.yml, compose.prod.yaml… */
export function isComposePath(path: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}

/** Scans compose YAML. Throws a one-line BulwarkError naming `path` for malformed YAML or a non-compose document. */
export function scanCompose(text: string, path: string, opts: { ignoreRules?: IgnoreRule[]; now?: Date } = {}): ConfigScanResult {
  const input = parseCompose(text, path);
  const { findings, warnings } = runChecks(composeChecks, input, path);
  const inline = parseInlineSuppressions(text);
  const { kept, suppressed } = applySuppressions(findings, inline.suppressions, opts.ignoreRules ?? [], opts.now);
  kept.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.checkId.localeCompare(b.checkId));
  return { findings: kept, suppressed, warnings: [...inline.warnings.map((w) => `${path}: ${w}`), ...warnings] };
}
