/** Runs a target's checks over one input and resolves metadata into findings. */
import type { Check, CheckHit, ConfigFinding } from './types.js';

/** Runs every check; a check that throws becomes a warning naming it, never a crash. */
export function runChecks<I>(checks: Check<I>[], input: I, source: string): { findings: ConfigFinding[]; warnings: string[] } {
  const findings: ConfigFinding[] = [];
  const warnings: string[] = [];
  for (const c of checks) {
    let hits: CheckHit[];
    try {
      hits = c.run(input);
    } catch (err) {
      warnings.push(`${c.meta.id}: check failed on ${source}: ${(err as Error).message}`);
      continue;
    }
    for (const h of hits) {
      findings.push({
        checkId: c.meta.id,
        slug: c.meta.slug,
        target: c.meta.target,
        severity: c.meta.severity,
        title: c.meta.title,
        message: h.message,
        remediation: c.meta.remediation,
        source,
        location: h.location,
        evidence: h.evidence,
        references: c.meta.references,
      });
    }
  }
  return { findings, warnings };
}
