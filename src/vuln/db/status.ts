/** What is in the advisory database and how old it is (`bulwark db status`, scan warnings). */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { dbPath } from './schema.js';

/** Default age after which scans warn that the DB is stale: 7 days. */
export const DEFAULT_MAX_AGE_HOURS = 7 * 24;

/** One source row. */
export interface SourceStatus {
  kind: 'import' | 'update';
  location: string;
  importedAt: string;
  etag?: string;
  lastModified?: string;
  records: number;
  invalid: number;
  /** valid records per base ecosystem, as read from this source */
  counts: Record<string, number>;
}

/** The content and age of a DB. */
export interface DbStatus {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  /** when the last import or update finished (ISO time) */
  updatedAt?: string;
  ageHours: number;
  advisories: number;
  withdrawn: number;
  /** advisories per base ecosystem ('Debian', 'PyPI') */
  ecosystems: Record<string, number>;
  /** advisories per ecosystem as written ('Debian:11') */
  releases: Record<string, number>;
  sources: SourceStatus[];
}

/** Freshness of the DB for scans: `stale` once older than maxAgeHours, or when there is no DB. */
export interface DbFreshness {
  exists: boolean;
  updatedAt?: string;
  /** Infinity when there is no DB */
  ageHours: number;
  stale: boolean;
}

function ageHoursOf(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Infinity : Math.max(0, (Date.now() - t) / 3_600_000);
}

function meta(db: Database.Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

/** Reads the status of an open DB. */
export function readStatus(db: Database.Database, path: string): DbStatus {
  const updatedAt = meta(db, 'updated_at');
  const group = (col: 'base' | 'ecosystem'): Record<string, number> => {
    const rows = db.prepare(`SELECT ${col} AS k, COUNT(DISTINCT id) AS n FROM affected WHERE ${col} != '' GROUP BY ${col} ORDER BY ${col}`).all() as {
      k: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.k, r.n]));
  };
  const sources = (
    db.prepare('SELECT kind, location, imported_at, etag, last_modified, records, invalid, counts FROM sources ORDER BY location').all() as {
      kind: 'import' | 'update';
      location: string;
      imported_at: string;
      etag: string | null;
      last_modified: string | null;
      records: number;
      invalid: number;
      counts: string;
    }[]
  ).map((r) => ({
    kind: r.kind,
    location: r.location,
    importedAt: r.imported_at,
    ...(r.etag ? { etag: r.etag } : {}),
    ...(r.last_modified ? { lastModified: r.last_modified } : {}),
    records: r.records,
    invalid: r.invalid,
    counts: JSON.parse(r.counts) as Record<string, number>,
  }));
  return {
    path,
    sizeBytes: existsSync(path) ? statSync(path).size : 0,
    schemaVersion: Number(meta(db, 'schema_version')),
    updatedAt,
    ageHours: ageHoursOf(updatedAt),
    advisories: db.prepare('SELECT COUNT(*) FROM advisories').pluck().get() as number,
    withdrawn: db.prepare('SELECT COUNT(*) FROM advisories WHERE withdrawn IS NOT NULL').pluck().get() as number,
    ecosystems: group('base'),
    releases: group('ecosystem'),
    sources,
  };
}

/** How old the DB under cacheDir is. Never throws: an unreadable DB counts as missing. */
export function dbFreshness(cacheDir: string, opts: { maxAgeHours?: number } = {}): DbFreshness {
  const maxAge = opts.maxAgeHours ?? DEFAULT_MAX_AGE_HOURS;
  const path = dbPath(cacheDir);
  if (!existsSync(path)) return { exists: false, ageHours: Infinity, stale: true };
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const updatedAt = meta(db, 'updated_at');
      const ageHours = ageHoursOf(updatedAt);
      return { exists: true, updatedAt, ageHours, stale: ageHours > maxAge };
    } finally {
      db.close();
    }
  } catch {
    return { exists: false, ageHours: Infinity, stale: true };
  }
}
