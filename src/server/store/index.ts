/**
 * Opens the server's store: SQLite by default (<cacheDir>/server.db, or a path), PostgreSQL for a
 * postgres:// or postgresql:// URL. Migrations are applied before it is returned.
 */
import { join } from 'node:path';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { appliedVersions, migrate } from './migrate.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import { openPostgres } from './postgres.js';
import { adminMethods } from './sql-admin.js';
import { imageMethods } from './sql-images.js';
import type { SqlDb } from './sql.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './types.js';

export type * from './types.js';

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** The repository over an open SQL database (no migration run). */
export function sqlStore(db: SqlDb): Store {
  const migrations = db.dialect === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
  return {
    kind: db.dialect,
    migrate: () => migrate(db, migrations),
    migrations: () => appliedVersions(db),
    async ping() {
      await db.get('SELECT 1 AS ok');
    },
    close: () => db.close(),
    ...imageMethods(db),
    ...adminMethods(db),
  };
}

/** The default SQLite file under a cache directory. */
export function defaultDbPath(cacheDir: string): string {
  return join(cacheDir, 'server.db');
}

/** Opens and migrates the store named by `spec` (a SQLite path or a PostgreSQL URL). */
export async function openStore(spec: string): Promise<Store> {
  const pgUrl = isPostgresUrl(spec);
  let store: Store;
  try {
    store = sqlStore(pgUrl ? openPostgres(spec) : openSqlite(spec));
  } catch (err) {
    throw new BulwarkError('DB_ERROR', `cannot open the server database: ${errorMessage(err)}`, err);
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => {});
    const where = pgUrl ? 'the PostgreSQL database' : spec;
    throw new BulwarkError('DB_ERROR', `cannot migrate ${where}: ${errorMessage(err)}`, err);
  }
  return store;
}
