/**
 * PostgreSQL through node-postgres (`pg`): a small pool; `?` placeholders become $1, $2 …;
 * a transaction holds one pooled client from BEGIN to COMMIT/ROLLBACK.
 */
import pg from 'pg';
import type { SqlConn, SqlDb } from './sql.js';

/** Rewrites `?` placeholders as $n (the statements here never contain a literal `?`). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function bind(params: unknown[] = []): unknown[] {
  return params.map((p) => (p === undefined ? null : p));
}

function connOf(q: { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> }): SqlConn {
  return {
    async all<T>(sql: string, params?: unknown[]) {
      return (await q.query(numbered(sql), bind(params))).rows as T[];
    },
    async get<T>(sql: string, params?: unknown[]) {
      return (await q.query(numbered(sql), bind(params))).rows[0] as T | undefined;
    },
    async run(sql: string, params?: unknown[]) {
      return (await q.query(numbered(sql), bind(params))).rowCount ?? 0;
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  };
}

/** Connects to `url` (postgres://user:pass@host:port/db). The pool connects lazily. */
export function openPostgres(url: string, opts: { max?: number } = {}): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 10_000 });
  // an idle client losing its connection must not crash the server: the next query reconnects
  pool.on('error', () => {});
  const conn = connOf(pool);
  return {
    dialect: 'postgres',
    ...conn,
    async tx<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(connOf(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
