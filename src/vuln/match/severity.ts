/**
 * Severity in a fixed order, with its source: the record's own CVSS vectors (scored by
 * ae-cvss-calculator, newest CVSS version first), then GHSA's database_specific.severity, then the
 * distribution's own rating; else an aliased or upstream record's; else UNKNOWN.
 */
import cvssLib from 'ae-cvss-calculator';
import type { OsvAffected, OsvRecord } from '../db/osv-types.js';
import type { Severity, SeverityInfo } from './types.js';

// a CommonJS bundle: named ESM imports are not detected
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssLib;

const CVSS_ORDER = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'];

/** Base score of a CVSS vector, or undefined when the vector does not parse. */
export function cvssScore(vector: string): number | undefined {
  try {
    const v = vector.startsWith('CVSS:4.0')
      ? new Cvss4P0(vector)
      : vector.startsWith('CVSS:3.1')
        ? new Cvss3P1(vector)
        : vector.startsWith('CVSS:3.0')
          ? new Cvss3P0(vector)
          : new Cvss2(vector);
    const s = v.calculateScores();
    return typeof s.base === 'number' && Number.isFinite(s.base) ? s.base : undefined;
  } catch {
    return undefined;
  }
}

/** Qualitative rating of a score: CVSS v3/v4 bands (v2 has no CRITICAL). */
export function ratingOf(score: number, v2 = false): Severity {
  if (score === 0) return 'NEGLIGIBLE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9 || v2) return 'HIGH';
  return 'CRITICAL';
}

/** Maps vendor words (moderate, important, negligible, unimportant …) onto Bulwark's levels. */
export function normalizeLabel(label: unknown): Severity | undefined {
  if (typeof label !== 'string') return undefined;
  switch (label.trim().toLowerCase()) {
    case 'critical':
      return 'CRITICAL';
    case 'high':
    case 'important':
      return 'HIGH';
    case 'medium':
    case 'moderate':
      return 'MEDIUM';
    case 'low':
      return 'LOW';
    case 'negligible':
    case 'unimportant':
    case 'none':
      return 'NEGLIGIBLE';
    default:
      return undefined;
  }
}

function fromCvss(rec: OsvRecord, affected?: OsvAffected): SeverityInfo | undefined {
  const all = [...(affected?.severity ?? []), ...(rec.severity ?? [])];
  for (const type of CVSS_ORDER) {
    const s = all.find((x) => x.type === type);
    if (!s) continue;
    const score = cvssScore(s.score);
    if (score === undefined) continue;
    return { level: ratingOf(score, type === 'CVSS_V2'), score, vector: s.score, source: `${type} (${rec.id})` };
  }
  return undefined;
}

function fromLabels(rec: OsvRecord, affected?: OsvAffected): SeverityInfo | undefined {
  const ds = (rec.database_specific ?? {}) as Record<string, unknown>;
  // GHSA and many language databases: database_specific.severity
  if (rec.id.startsWith('GHSA-') || Array.isArray(ds.cwe_ids)) {
    const l = normalizeLabel(ds.severity);
    if (l) return { level: l, source: `ghsa (${rec.id})` };
  }
  // distribution ratings: OSV severity of a distro type (Ubuntu), per-package or record ratings
  for (const s of [...(affected?.severity ?? []), ...(rec.severity ?? [])]) {
    if (CVSS_ORDER.includes(s.type)) continue;
    const l = normalizeLabel(s.score);
    if (l) return { level: l, source: `${s.type.toLowerCase()} (${rec.id})` };
  }
  const ads = (affected?.database_specific ?? {}) as Record<string, unknown>;
  const perPkg = normalizeLabel(ads.severity);
  const dataSource = ((ads.data_source as { id?: string } | undefined)?.id ?? 'vendor').toLowerCase();
  if (perPkg) return { level: perPkg, source: `${dataSource} (${rec.id})` };
  const vendor = ds.vendor_severity as Record<string, unknown> | undefined;
  const vendorLevel = vendor ? normalizeLabel(vendor[dataSource]) : undefined;
  if (vendorLevel) return { level: vendorLevel, source: `${dataSource} (${rec.id})` };
  const generic = normalizeLabel(ds.severity) ?? normalizeLabel(ds.priority) ?? normalizeLabel(ds.urgency);
  if (generic) return { level: generic, source: `${dataSource === 'vendor' ? 'database' : dataSource} (${rec.id})` };
  return undefined;
}

/** The record's own severity, or undefined. */
export function ownSeverity(rec: OsvRecord, affected?: OsvAffected): SeverityInfo | undefined {
  return fromCvss(rec, affected) ?? fromLabels(rec, affected);
}

/** Severity with the alias fallback: records reached through the canonical ID or the record's aliases. */
export function resolveSeverity(rec: OsvRecord, affected: OsvAffected | undefined, related: () => OsvRecord[]): SeverityInfo {
  const own = ownSeverity(rec, affected);
  if (own) return own;
  for (const other of related()) {
    if (other.id === rec.id || other.withdrawn) continue;
    const s = ownSeverity(other);
    if (s) return { ...s, source: `alias ${s.source}` };
  }
  return { level: 'UNKNOWN', source: 'none' };
}
