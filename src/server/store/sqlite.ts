/**
 * The embedded default: one SQLite file (<cacheDir>/server.db) through better-sqlite3, WAL mode,
 * foreign keys on. better-sqlite3 is synchronous, so a transaction that awaits between statements
 * holds a lock that other callers wait on; nothing else can slip into it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlConn, SqlDb } from './sql.js';

function bind(params: unknown[] = []): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

function connOf(db: Database.Database): SqlConn {
  return {
    async all<T>(sql: string, params?: unknown[]) {
      return db.prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params?: unknown[]) {
      return db.prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql: string, params?: unknown[]) {
      const st = db.prepare(sql);
      if (st.reader) {
        st.all(...bind(params));
        return 0;
      }
      return st.run(...bind(params)).changes;
    },
    async exec(sql: string) {
      db.exec(sql);
    },
  };
}

/** Opens (creating) the SQLite database file. */
export function openSqlite(path: string): SqlDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const conn = connOf(db);
  // the transaction lock: a chain every statement outside a transaction waits on
  let lock: Promise<void> = Promise.resolve();
  const outside = <T>(fn: () => Promise<T>): Promise<T> => lock.then(fn);
  return {
    dialect: 'sqlite',
    all: (sql, params) => outside(() => conn.all(sql, params)),
    get: (sql, params) => outside(() => conn.get(sql, params)),
    run: (sql, params) => outside(() => conn.run(sql, params)),
    exec: (sql) => outside(() => conn.exec(sql)),
    tx<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      const result = lock.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(conn);
          db.exec('COMMIT');
          return out;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      });
      lock = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    async close() {
      await lock;
      db.close();
    },
  };
}
