/** Entry points for `bulwark config <path>`: detect a manifest, run every K8S- check, apply suppressions. */
import type { IgnoreRule } from '../../vuln/ignore.js';
import { runChecks } from '../run.js';
import { applySuppressions, parseInlineSuppressions, type SuppressedFinding } from '../suppress.js';
import type { ConfigFinding } from '../types.js';
import { parseManifests } from './parse.js';
import { kubernetesChecks } from './registry.js';

export interface KubernetesScanResult {
  findings: ConfigFinding[];
  suppressed: SuppressedFinding[];
  warnings: string[];
}

/** Does the text look like a Kubernetes manifest (YAML or JSON with apiVersion and kind)? */
export function isKubernetesManifest(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (/^\s*[{[]/.test(head)) return /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head);
  return /^\s*apiVersion\s*:/m.test(head) && /^\s*kind\s*:/m.test(head);
}

/**
 * Scans one manifest file. Throws BulwarkError (MALFORMED_CONFIG, TOO_LARGE) on bad input; a
 * check that fails becomes a warning. Inline `# bulwark:ignore` comments and ignore-file rules apply.
 */
export function scanKubernetes(text: string, path: string, opts: { rules?: IgnoreRule[] } = {}): KubernetesScanResult {
  const { objects, warnings } = parseManifests(text, path);
  const run = runChecks(kubernetesChecks, { path, objects }, path);
  const inline = parseInlineSuppressions(text);
  const { kept, suppressed } = applySuppressions(run.findings, inline.suppressions, opts.rules ?? []);
  return {
    findings: kept,
    suppressed,
    warnings: [...warnings, ...run.warnings, ...inline.warnings.map((w) => `${path}: ${w}`)],
  };
}
