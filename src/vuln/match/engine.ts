/**
 * The matching engine: every package through its matcher's queries, every advisory's affected[]
 * entries through OSV range evaluation, then one finding per (canonical ID, package).
 */
import type { OsInfo, Package } from '../../catalog/types.js';
import { normalizePackageName } from '../db/ecosystem.js';
import type { OsvAffected, OsvRecord } from '../db/osv-types.js';
import { canonicalId, allIds } from './identity.js';
import { evaluateAffected, sortVersions } from './osv-range.js';
import { matchers as allMatchers } from './registry.js';
import { resolveSeverity } from './severity.js';
import { unfixedStatus } from './status.js';
import type { AdvisorySource, Finding, MatchOptions, Matcher, Query, SeverityInfo } from './types.js';

const LANGUAGE_OS_MANAGED_SKIP = new Set(['npm', 'pypi', 'gem', 'golang', 'cargo', 'maven', 'nuget', 'composer']);

export interface MatchResult {
  findings: Finding[];
  warnings: string[];
}

function title(rec: OsvRecord): string {
  if (rec.summary) return rec.summary;
  const first = rec.details?.split('\n').find((l) => l.trim());
  return first ? (first.length > 120 ? `${first.slice(0, 117)}…` : first) : rec.id;
}

/** Severity per (record, affected entry), with the alias fallback looked up once per canonical ID. */
function severityResolver(source: AdvisorySource): (rec: OsvRecord, aff: OsvAffected, id: string) => SeverityInfo {
  const related = new Map<string, OsvRecord[]>();
  const cache = new Map<string, SeverityInfo>();
  return (rec, aff, id) => {
    const key = `${rec.id}\0${aff.package?.ecosystem ?? ''}`;
    let s = cache.get(key);
    if (!s) {
      s = resolveSeverity(rec, aff, () => {
        let r = related.get(id);
        if (!r) {
          // records naming the canonical ID (a CVE: every GHSA/PYSEC/distro record that aliases or wraps it)
          r = source.lookupByAlias(id);
          related.set(id, r);
        }
        return r;
      });
      cache.set(key, s);
    }
    return s;
  };
}

function buildFinding(pkg: Package, q: Query, matcher: Matcher, rec: OsvRecord, aff: OsvAffected, verdict: ReturnType<typeof evaluateAffected>, severityOf: ReturnType<typeof severityResolver>): Finding {
  const id = canonicalId(rec);
  const fixedAbove = sortVersions(q.scheme, verdict.fixedAbove);
  const loc = pkg.locations[0];
  return {
    id,
    aliases: allIds(rec).filter((x) => x !== id),
    advisories: [rec.id],
    pkg: {
      name: pkg.name,
      version: pkg.version,
      type: pkg.type,
      purl: pkg.purl,
      sourceName: pkg.sourceName,
      sourceVersion: pkg.sourceVersion,
      path: loc?.path,
      layerIndex: loc?.layerIndex,
      layerDiffId: loc?.layerDiffId,
    },
    installedVersion: pkg.epoch && pkg.type === 'rpm' ? `${pkg.epoch}:${pkg.version}` : pkg.version,
    fixedVersions: sortVersions(q.scheme, verdict.allFixed),
    fixedVersion: fixedAbove[0],
    status: fixedAbove.length ? 'fixed' : q.distro ? unfixedStatus(aff) : 'affected',
    severity: severityOf(rec, aff, id),
    title: title(rec),
    description: rec.details,
    references: (rec.references ?? []).map((r) => r.url),
    published: rec.published,
    modified: rec.modified,
    match: { matcher: matcher.name, ecosystem: aff.package?.ecosystem ?? q.ecosystem, searchedBy: { name: q.name, version: q.version }, ranges: verdict.ranges },
  };
}

function merge(into: Finding, f: Finding): void {
  for (const a of f.advisories) if (!into.advisories.includes(a)) into.advisories.push(a);
  for (const a of f.aliases) if (!into.aliases.includes(a) && a !== into.id) into.aliases.push(a);
  into.fixedVersions = [...new Set([...into.fixedVersions, ...f.fixedVersions])];
  if (f.fixedVersion && (!into.fixedVersion || into.status !== 'fixed')) {
    into.fixedVersion = f.fixedVersion;
    into.status = 'fixed';
  }
  if (into.severity.level === 'UNKNOWN' && f.severity.level !== 'UNKNOWN') into.severity = f.severity;
  for (const r of f.match.ranges) if (!into.match.ranges.includes(r)) into.match.ranges.push(r);
}

/** Matches packages against an advisory source. */
export function matchPackages(pkgs: Package[], os: OsInfo | undefined, source: AdvisorySource, opts: MatchOptions = {}, matchers: Matcher[] = allMatchers): MatchResult {
  const byType = new Map<string, Matcher>();
  for (const m of matchers) for (const t of m.packageTypes) byType.set(t, m);
  const warnings: string[] = [];
  const memo = new Map<string, OsvRecord[]>();
  const lookup = (eco: string, name: string): OsvRecord[] => {
    const k = `${eco}\0${name}`;
    let r = memo.get(k);
    if (!r) {
      r = source.lookup(eco, normalizePackageName(eco, name));
      memo.set(k, r);
    }
    return r;
  };
  const findings = new Map<string, Finding>();
  const severityOf = severityResolver(source);
  for (const pkg of pkgs) {
    const matcher = byType.get(pkg.type);
    if (!matcher) continue;
    if (pkg.osManaged && LANGUAGE_OS_MANAGED_SKIP.has(pkg.type) && !opts.osManagedUpstream) continue;
    for (const q of matcher.queries(pkg, os)) {
      const want = normalizePackageName(q.ecosystem, q.name);
      for (const rec of lookup(q.ecosystem, q.name)) {
        if (rec.withdrawn) continue;
        for (const aff of rec.affected ?? []) {
          const p = aff.package;
          if (!p || !q.acceptsEcosystem(p.ecosystem) || normalizePackageName(q.ecosystem, p.name) !== want) continue;
          if (!p.ecosystem.startsWith(q.ecosystem)) continue;
          const verdict = evaluateAffected(aff, q.version, q.scheme, (m) => warnings.push(`${rec.id} (${pkg.name}): ${m}`));
          if (!verdict.affected) continue;
          const f = buildFinding(pkg, q, matcher, rec, aff, verdict, severityOf);
          const key = `${f.id}\0${pkg.type}\0${pkg.name}\0${pkg.version}\0${pkg.locations[0]?.path ?? ''}`;
          const existing = findings.get(key);
          if (existing) merge(existing, f);
          else findings.set(key, f);
        }
      }
    }
  }
  return { findings: [...findings.values()].sort(compareFindings), warnings };
}

const SEV_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, NEGLIGIBLE: 4, UNKNOWN: 5 };

function compareFindings(a: Finding, b: Finding): number {
  if (a.pkg.name !== b.pkg.name) return a.pkg.name < b.pkg.name ? -1 : 1;
  const s = SEV_RANK[a.severity.level]! - SEV_RANK[b.severity.level]!;
  if (s) return s;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
