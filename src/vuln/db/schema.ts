/**
 * The advisory database file: where it lives and its tables.
 * One SQLite file, <cacheDir>/db/bulwark.db, rollback journal (no WAL, so the file is
 * self-contained and can be swapped in with one rename).
 */
import { join } from 'node:path';

/** Bumped whenever the tables change; a DB with another version must be rebuilt. */
export const SCHEMA_VERSION = 1;

/** <cacheDir>/db */
export function dbDir(cacheDir: string): string {
  return join(cacheDir, 'db');
}

/** <cacheDir>/db/bulwark.db */
export function dbPath(cacheDir: string): string {
  return join(dbDir(cacheDir), 'bulwark.db');
}

/**
 * advisories: one row per OSV id (a rowid table: rows are large, WITHOUT ROWID would overflow badly).
 *   `source` is the sid of the source that wrote it. `raw` is the record minus affected[]: JSON
 *   text, or deflated JSON (a BLOB) when large; the affected rows (by idx) hold the entries.
 * affected: one row per affected[] entry; `name` is normalised per ecosystem (PyPI: PEP 503),
 *   `base` is the ecosystem before the first ':' for lookups across releases.
 *   Entries without a package (GIT-only) have ecosystem = base = name = ''.
 * aliases: (alias, id) from aliases[] (kind 'alias') and upstream[] (kind 'upstream').
 * sources: one row per import location or per downloaded all.zip URL (`key`).
 * meta: key/value (schema_version, updated_at).
 */
export const DDL = `
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY,
  modified TEXT NOT NULL,
  published TEXT,
  withdrawn TEXT,
  summary TEXT,
  aliases TEXT NOT NULL,
  upstream TEXT NOT NULL,
  severity TEXT,
  database_specific TEXT,
  source INTEGER NOT NULL,
  raw BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS advisories_source ON advisories (source);
CREATE TABLE IF NOT EXISTS affected (
  id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  ecosystem TEXT NOT NULL,
  base TEXT NOT NULL,
  name TEXT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS affected_eco_name ON affected (ecosystem, name);
CREATE INDEX IF NOT EXISTS affected_base_name ON affected (base, name);
CREATE INDEX IF NOT EXISTS affected_id ON affected (id, idx);
CREATE TABLE IF NOT EXISTS aliases (
  alias TEXT NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (alias, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_id ON aliases (id, alias);
CREATE TABLE IF NOT EXISTS sources (
  sid INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  location TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  records INTEGER NOT NULL,
  invalid INTEGER NOT NULL,
  counts TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
