/** Advisory identity: which ID a finding is reported under, and which IDs it merges. */
import type { OsvRecord } from '../db/osv-types.js';

const CVE = /^CVE-\d{4}-\d{4,}$/;

/** Every ID the record names for itself: id, aliases, upstream, and the peer's reported IDs. */
export function allIds(rec: OsvRecord): string[] {
  const ds = (rec.database_specific ?? {}) as { trivy?: { reported_ids?: unknown } };
  const reported = Array.isArray(ds.trivy?.reported_ids) ? (ds.trivy!.reported_ids as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  return [...new Set([rec.id, ...(rec.aliases ?? []), ...(rec.upstream ?? []), ...reported])];
}

/**
 * The canonical ID: the record's own when it is a CVE; else the one CVE it aliases or wraps
 * (GHSA-…, DEBIAN-CVE-…, ALPINE-CVE-…, DSA with one CVE); else its own ID (ALSA with many CVEs, GO-… without one).
 */
export function canonicalId(rec: OsvRecord): string {
  if (CVE.test(rec.id)) return rec.id;
  const cves = allIds(rec).filter((x) => CVE.test(x));
  return cves.length === 1 ? cves[0]! : rec.id;
}
