/**
 * rpm >= 4.16 sqlite backend (rpmdb.sqlite): header blobs in table Packages(hnum, blob).
 * The database is opened from memory, read-only, with a header patched from WAL to rollback mode
 * (an in-memory database cannot have a -wal file, and rpm leaves its databases in WAL mode).
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/** better-sqlite3 is required on the first sqlite rpmdb: every other scan skips its load (~9 ms). */
let sqlite: typeof Database | undefined;
function openDatabase(file: Buffer, options: Database.Options): Database.Database {
  sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  return new sqlite(file, options);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the bytes start like an SQLite 3 database. */
export function isSqlite(head: Buffer): boolean {
  return head.length >= 16 && head.subarray(0, 16).equals(SQLITE_MAGIC);
}

interface SchemaRow {
  type: string;
  sql: string | null;
}
interface ColumnRow {
  name: string;
  hidden: number;
}

/**
 * The Packages table must be a plain table with a plain blob column: a hostile database could
 * define Packages as a view or give it generated columns that compute endless or huge rows.
 */
function checkSchema(db: Database.Database): void {
  const t = db.prepare("SELECT type, sql FROM sqlite_master WHERE name = 'Packages' COLLATE NOCASE").all() as SchemaRow[];
  if (t.length !== 1 || t[0]!.type !== 'table' || /^\s*CREATE\s+VIRTUAL/i.test(t[0]!.sql ?? '')) {
    throw new Error('rpmdb.sqlite has no plain Packages table');
  }
  const cols = db.prepare("SELECT name, hidden FROM pragma_table_xinfo('Packages')").all() as ColumnRow[];
  const blob = cols.find((c) => c.name.toLowerCase() === 'blob');
  if (!blob || blob.hidden !== 0) throw new Error('rpmdb.sqlite Packages table has no plain blob column');
}

/**
 * Opens the database from memory. Bytes 18/19 (file format write/read version) say 2 for WAL; they
 * are set to 1 (rollback journal) while SQLite takes its own copy, then restored, so the caller's
 * buffer is unchanged and no second copy of a large database is made.
 */
function openPatched(file: Buffer): Database.Database {
  const saved = [file[18]!, file[19]!] as const;
  if (saved[0] === 2) file[18] = 1;
  if (saved[1] === 2) file[19] = 1;
  try {
    return openDatabase(file, { readonly: true });
  } finally {
    file[18] = saved[0];
    file[19] = saved[1];
  }
}

/** Header blobs of every row of Packages, in hnum order. Throws a short Error on a bad database. */
export function readSqliteBlobs(file: Buffer): Buffer[] {
  if (!isSqlite(file)) throw new Error('not an SQLite database');
  if (file.length < 100) throw new Error('SQLite database truncated');
  let db: Database.Database | undefined;
  try {
    db = openPatched(file);
    db.pragma('trusted_schema = OFF');
    checkSchema(db);
    const out: Buffer[] = [];
    for (const row of db.prepare('SELECT blob FROM Packages ORDER BY hnum').raw().iterate() as IterableIterator<unknown[]>) {
      const blob = row[0];
      if (!Buffer.isBuffer(blob)) throw new Error('rpmdb.sqlite Packages row has no blob');
      if (blob.length > file.length) throw new Error('rpmdb.sqlite blob is larger than the database');
      out.push(blob);
    }
    return out;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(msg.startsWith('rpmdb.sqlite') || msg.startsWith('SQLite') ? msg : `rpmdb.sqlite: ${msg}`);
  } finally {
    db?.close();
  }
}
