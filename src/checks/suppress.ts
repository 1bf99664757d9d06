/**
 * Suppression in one place: inline comments (Dockerfile and YAML) and ignore-file rules apply to
 * every check of every target. A suppression needs a reason; one without is reported, not applied.
 *
 *   # bulwark:ignore DF-005 vendor image is pinned elsewhere     (applies to the next instruction / line)
 *   # bulwark:ignore-file K8S-012 cluster enforces limits         (applies to the whole file)
 */
import { globToRegExp, type IgnoreRule } from '../vuln/ignore.js';
import type { ConfigFinding, InlineSuppression } from './types.js';

const INLINE = /#\s*bulwark:ignore(-file)?\s+([A-Z0-9*,-]+)(?:\s+(.*))?$/;

/** Finds suppression comments in text; a comment-only line applies to the next non-comment line. */
export function parseInlineSuppressions(text: string): { suppressions: InlineSuppression[]; warnings: string[] } {
  const lines = text.split('\n');
  const suppressions: InlineSuppression[] = [];
  const warnings: string[] = [];
  for (const [i, raw] of lines.entries()) {
    const m = INLINE.exec(raw);
    if (!m) continue;
    const reason = (m[3] ?? '').trim();
    if (!reason) {
      warnings.push(`line ${i + 1}: suppression of ${m[2]} has no reason and is not applied`);
      continue;
    }
    const commentOnly = raw.trimStart().startsWith('#');
    let line: number | undefined;
    if (!m[1]) {
      line = i + 1;
      if (commentOnly) {
        let j = i + 1;
        while (j < lines.length && (lines[j]!.trim() === '' || lines[j]!.trimStart().startsWith('#'))) j++;
        line = j + 1;
      }
    }
    for (const id of m[2]!.split(',').filter(Boolean)) suppressions.push({ checkId: id, reason, line });
  }
  return { suppressions, warnings };
}

export interface SuppressedFinding {
  finding: ConfigFinding;
  reason: string;
  by: 'inline' | 'ignorefile';
}

/** Applies inline suppressions (for findings from the same file) and ignore-file rules (by check ID and path). */
export function applySuppressions(
  findings: ConfigFinding[],
  inline: InlineSuppression[],
  rules: IgnoreRule[] = [],
  now = new Date(),
): { kept: ConfigFinding[]; suppressed: SuppressedFinding[] } {
  const kept: ConfigFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const active = rules.filter((r) => r.id && !r.package && (!r.expires || r.expires >= now));
  for (const f of findings) {
    const s = inline.find((x) => globToRegExp(x.checkId).test(f.checkId) && (x.line === undefined || x.line === f.location?.line));
    if (s) {
      suppressed.push({ finding: f, reason: s.reason, by: 'inline' });
      continue;
    }
    const r = active.find((x) => globToRegExp(x.id!).test(f.checkId) && (!x.path || globToRegExp(x.path).test(f.location?.path ?? f.source)));
    if (r) suppressed.push({ finding: f, reason: r.reason, by: 'ignorefile' });
    else kept.push(f);
  }
  return { kept, suppressed };
}
