/** Report-time filters shared by every output: severity selection, --ignore-unfixed. */
import type { Finding, Severity } from './match/types.js';

export interface FilterOptions {
  /** keep only these severities (default all) */
  severities?: Severity[];
  ignoreUnfixed?: boolean;
}

export function applyFilters(findings: Finding[], opts: FilterOptions): Finding[] {
  return findings.filter((f) => {
    if (opts.ignoreUnfixed && f.status !== 'fixed') return false;
    if (opts.severities?.length && !opts.severities.includes(f.severity.level)) return false;
    return true;
  });
}

/**
 * The fixed version as shown to people: for distribution packages the one fix above the installed
 * version; for language packages every patched version of the advisory (several release lines).
 */
export function displayFixed(f: Finding): string {
  if (f.status !== 'fixed') return '';
  const os = f.pkg.type === 'deb' || f.pkg.type === 'apk' || f.pkg.type === 'rpm';
  return os ? f.fixedVersion ?? '' : f.fixedVersions.join(', ');
}
