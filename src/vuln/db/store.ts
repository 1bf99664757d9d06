/**
 * Read side of the advisory database: prepared statements over a read-only handle.
 * An import or update swaps the file with a rename, so an open handle keeps reading the
 * version it opened; reopen to see a newer one.
 */
import { existsSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { normalizePackageName } from './ecosystem.js';
import type { AdvisoryRecord, OsvAffected } from './osv-types.js';
import { SCHEMA_VERSION, dbPath } from './schema.js';
import { readStatus, type DbStatus } from './status.js';

/** Lookup options. */
export interface LookupOptions {
  /** include advisories with a `withdrawn` time (default false: a scan should not report them) */
  includeWithdrawn?: boolean;
}

/** One affected[] entry matching a lookup, without loading the whole advisory. */
export interface AffectedHit {
  id: string;
  /** the ecosystem as the advisory writes it ('Debian:11') */
  ecosystem: string;
  entry: OsvAffected;
}

/** An open advisory database. */
export interface AdvisoryDb {
  readonly path: string;
  /**
   * Advisories with an affected[] entry for the package, each with affected[] narrowed to the
   * entries for this package (get(id) returns the whole record). `ecosystem` with a release
   * ('Debian:11', 'Alpine:v3.11') matches that release only; a bare one ('Debian', 'PyPI')
   * matches every release. The name is normalised as the store does (PyPI: PEP 503).
   */
  lookup(ecosystem: string, name: string, opts?: LookupOptions): AdvisoryRecord[];
  /** The matching affected[] entries only: the cheap first pass of a matcher. */
  lookupAffected(ecosystem: string, name: string, opts?: LookupOptions): AffectedHit[];
  /**
   * Advisories about the same vulnerability as `id` (an advisory id or a CVE): the advisory
   * itself, those listing `id` in aliases[]/upstream[], those it lists, and those sharing one
   * of its aliases (PYSEC-1 and DSA-1-1 both listing CVE-2024-1). Sorted by id.
   */
  /** records related through aliases/upstream, without their affected[] entries */
  lookupByAlias(id: string): AdvisoryRecord[];
  get(id: string): AdvisoryRecord | undefined;
  status(): DbStatus;
  close(): void;
}

interface HitRow {
  id: string;
  ecosystem: string;
  entry: string;
  raw: string | Buffer;
}

function decodeRaw(raw: string | Buffer): AdvisoryRecord {
  return JSON.parse(typeof raw === 'string' ? raw : inflateRawSync(raw).toString('utf8')) as AdvisoryRecord;
}

function hasRelease(ecosystem: string): boolean {
  return ecosystem.includes(':');
}

/** Opens <cacheDir>/db/bulwark.db read-only. Throws DB_ERROR when it is missing or from another schema. */
export function openAdvisoryDb(cacheDir: string): AdvisoryDb {
  const path = dbPath(cacheDir);
  if (!existsSync(path)) {
    throw new BulwarkError('DB_ERROR', `no advisory database at ${path} (run \`bulwark db update\` or \`bulwark db import\`)`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get();
    if (Number(version) !== SCHEMA_VERSION) {
      db.close();
      throw new Error(`schema version ${String(version)}, this Bulwark reads ${SCHEMA_VERSION}; run \`bulwark db update\``);
    }
  } catch (err) {
    throw new BulwarkError('DB_ERROR', `cannot open the advisory database ${path}: ${errorMessage(err)}`, err);
  }
  const live = '(a.withdrawn IS NULL OR ?)';
  const cols = 'f.id, f.ecosystem, f.entry, a.raw';
  const join = 'FROM affected f JOIN advisories a ON a.id = f.id';
  const byExact = db.prepare(`SELECT ${cols} ${join} WHERE f.ecosystem = ? AND f.name = ? AND ${live} ORDER BY f.id, f.idx`);
  const byBase = db.prepare(`SELECT ${cols} ${join} WHERE f.base = ? AND f.name = ? AND ${live} ORDER BY f.id, f.idx`);
  const getRaw = db.prepare('SELECT raw FROM advisories WHERE id = ?').pluck();
  const getEntries = db.prepare('SELECT entry FROM affected WHERE id = ? ORDER BY idx').pluck();
  const aliasIds = db.prepare(
    `SELECT id FROM aliases WHERE alias = @id
     UNION SELECT alias FROM aliases WHERE id = @id
     UNION SELECT b.id FROM aliases a JOIN aliases b ON b.alias = a.alias WHERE a.id = @id
     UNION SELECT id FROM advisories WHERE id = @id`,
  ).pluck();

  const hits = (ecosystem: string, name: string, opts?: LookupOptions): HitRow[] =>
    (hasRelease(ecosystem) ? byExact : byBase).all(ecosystem, normalizePackageName(ecosystem, name), opts?.includeWithdrawn ? 1 : 0) as HitRow[];
  const get = (id: string): AdvisoryRecord | undefined => {
    const raw = getRaw.get(id) as string | Buffer | undefined;
    if (raw === undefined) return undefined;
    const rec = decodeRaw(raw);
    const entries = getEntries.all(id) as string[];
    if (entries.length) rec.affected = entries.map((e) => JSON.parse(e) as OsvAffected);
    return rec;
  };

  return {
    path,
    lookup(ecosystem, name, opts) {
      const out: AdvisoryRecord[] = [];
      let cur: AdvisoryRecord | undefined;
      for (const row of hits(ecosystem, name, opts)) {
        if (cur?.id !== row.id) {
          cur = decodeRaw(row.raw);
          cur.affected = [];
          out.push(cur);
        }
        cur.affected!.push(JSON.parse(row.entry) as OsvAffected);
      }
      return out;
    },
    lookupAffected(ecosystem, name, opts) {
      return hits(ecosystem, name, opts).map((r) => ({ id: r.id, ecosystem: r.ecosystem, entry: JSON.parse(r.entry) as OsvAffected }));
    },
    lookupByAlias(id) {
      // record-level data only (ids, severity, summary): the affected[] entries are not loaded, which
      // keeps severity fallback cheap for records that list dozens of releases; get(id) has them all
      const out: AdvisoryRecord[] = [];
      for (const other of (aliasIds.all({ id }) as string[]).sort()) {
        const raw = getRaw.get(other) as string | Buffer | undefined;
        if (raw !== undefined) out.push(decodeRaw(raw));
      }
      return out;
    },
    get,
    status: () => readStatus(db, path),
    close: () => db.close(),
  };
}
