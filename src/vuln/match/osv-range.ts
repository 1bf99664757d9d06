/**
 * OSV affected-range evaluation (ossf/osv-schema "Evaluation"): events sorted by version,
 * introduced opens, fixed closes (>=), last_affected closes (>), limit caps the range.
 * Explicit `versions` lists match exactly. GIT ranges need commit data and are skipped.
 */
import { compareVersions, type VersionScheme } from '../../version/index.js';
import type { OsvAffected, OsvEvent } from '../db/osv-types.js';

export interface RangeVerdict {
  affected: boolean;
  /** fixed events of the range(s) that affect the version, and of all ranges for display */
  fixedAbove: string[];
  allFixed: string[];
  ranges: string[];
}

function eventVersion(e: OsvEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
}

/** Compares, treating introduced "0" as the lowest version. Throws on versions the scheme rejects. */
function cmp(scheme: VersionScheme, a: string, b: string): number {
  if (a === b) return 0;
  if (a === '0') return -1;
  if (b === '0') return 1;
  return compareVersions(scheme, a, b);
}

function describe(events: OsvEvent[]): string {
  return events.map((e) => Object.entries(e).map(([k, v]) => `${k} ${v}`).join('')).join(', ');
}

/** Is `version` inside one range's events? Returns the fixed version that ends its affected span. */
function inRange(scheme: VersionScheme, version: string, events: OsvEvent[]): { affected: boolean; fixed?: string } {
  const limits = events.filter((e) => e.limit !== undefined).map((e) => e.limit!);
  if (limits.length && !limits.some((l) => l === '*' || cmp(scheme, version, l) < 0)) return { affected: false };
  const sorted = events
    .filter((e) => e.limit === undefined)
    .slice()
    .sort((a, b) => {
      const c = cmp(scheme, eventVersion(a), eventVersion(b));
      if (c !== 0) return c;
      // at equal versions, introduced comes before fixed/last_affected
      return (a.introduced !== undefined ? 0 : 1) - (b.introduced !== undefined ? 0 : 1);
    });
  let affected = false;
  for (const e of sorted) {
    if (e.introduced !== undefined && cmp(scheme, version, e.introduced) >= 0) affected = true;
    else if (e.fixed !== undefined && cmp(scheme, version, e.fixed) >= 0) affected = false;
    else if (e.last_affected !== undefined && cmp(scheme, version, e.last_affected) > 0) affected = false;
  }
  if (!affected) return { affected: false };
  const fixed = sorted.find((e) => e.fixed !== undefined && cmp(scheme, e.fixed, version) > 0)?.fixed;
  return { affected: true, fixed };
}

/** Evaluates one affected[] entry for a version. Invalid versions in a range skip that range. */
export function evaluateAffected(affected: OsvAffected, version: string, scheme: VersionScheme, warn?: (msg: string) => void): RangeVerdict {
  const verdict: RangeVerdict = { affected: false, fixedAbove: [], allFixed: [], ranges: [] };
  if (affected.versions?.includes(version)) {
    verdict.affected = true;
    verdict.ranges.push(`version ${version} listed`);
  }
  for (const r of affected.ranges ?? []) {
    if (r.type !== 'ECOSYSTEM' && r.type !== 'SEMVER') continue;
    for (const e of r.events) if (e.fixed !== undefined) verdict.allFixed.push(e.fixed);
    try {
      const res = inRange(scheme, version, r.events);
      if (res.affected) {
        verdict.affected = true;
        verdict.ranges.push(describe(r.events));
        if (res.fixed) verdict.fixedAbove.push(res.fixed);
      }
    } catch (err) {
      warn?.(`range ${describe(r.events)}: ${(err as Error).message}`);
    }
  }
  return verdict;
}

/** Sorts versions by the scheme, dropping duplicates; unparseable ones go last in input order. */
export function sortVersions(scheme: VersionScheme, versions: string[]): string[] {
  const uniq = [...new Set(versions)];
  return uniq.sort((a, b) => {
    try {
      return cmp(scheme, a, b);
    } catch {
      return 0;
    }
  });
}
