/**
 * Numbered migrations for both dialects: schema_migrations records each applied version; pending
 * ones run in order, each in its own transaction. Running it again is a no-op. On PostgreSQL an
 * advisory lock serialises servers starting at the same time against one database.
 */
import type { SqlDb } from './sql.js';
import { num } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** An arbitrary constant: the key of the PostgreSQL advisory lock held while migrating. */
const PG_LOCK_KEY = 0x62_75_6c_77;

/** Versions recorded in schema_migrations (empty before the first run). */
export async function appliedVersions(db: SqlDb): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const rows = await db.all<{ version: unknown }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => num(r.version));
}

/** Applies pending migrations; returns the versions applied by this call. */
export async function migrate(db: SqlDb, migrations: Migration[]): Promise<number[]> {
  await appliedVersions(db);
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.tx(async (c) => {
      if (db.dialect === 'postgres') await c.run('SELECT pg_advisory_xact_lock(?)', [PG_LOCK_KEY]);
      if (await c.get('SELECT version FROM schema_migrations WHERE version = ?', [m.version])) return false;
      await c.exec(m.sql);
      await c.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
