/**
 * Builds a new database file beside the live one and swaps it in with one rename, so readers
 * see the old DB or the new one, never a half-written file; a failed build only leaves (and
 * removes) its temp file. Without `replace` the build starts from a copy of the live DB.
 * The whole build is one transaction over prepared statements, with the journal off (the
 * temp file is private until the rename, so there is nothing to protect mid-build).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { DDL, SCHEMA_VERSION, dbDir, dbPath } from './schema.js';
import { createRecordWriter, type RecordWriter } from './record-writer.js';

/** One import location or one downloaded all.zip. */
export interface SourceInfo {
  /** stable key: the URL of an all.zip, or 'import:' + the imported path */
  key: string;
  kind: 'import' | 'update';
  location: string;
  etag?: string;
  lastModified?: string;
}

/** An open build. Call commit() or abort() exactly once. */
export interface DbBuilder {
  readonly tempPath: string;
  /** true when the build started from a copy of an existing DB */
  readonly merged: boolean;
  writer(source: SourceInfo): RecordWriter;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const STALE_TEMP_MS = 6 * 3600 * 1000;

async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith('.bulwark.db.') || !name.endsWith('.tmp')) continue;
    const p = join(dir, name);
    const st = await stat(p).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > STALE_TEMP_MS) await rm(p, { force: true });
  }
}

function schemaVersionOf(db: Database.Database): number | undefined {
  try {
    const row = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined;
    return row ? Number(row.value) : undefined;
  } catch {
    return undefined;
  }
}

async function fsyncPath(path: string, dir = false): Promise<void> {
  const fh = await open(path, dir ? 'r' : 'r+');
  try {
    await fh.sync();
  } catch (err) {
    if (!dir) throw err; // some filesystems refuse fsync on a directory; the rename is still atomic
  } finally {
    await fh.close();
  }
}

/** Starts a build in <cacheDir>/db/. `replace` starts empty; otherwise from a copy of the live DB. */
export async function beginBuild(cacheDir: string, opts: { replace: boolean }): Promise<DbBuilder> {
  const dir = dbDir(cacheDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await removeStaleTemps(dir);
  const live = dbPath(cacheDir);
  const tempPath = join(dir, `.bulwark.db.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let merged = false;
  if (!opts.replace && existsSync(live)) {
    await copyFile(live, tempPath);
    merged = true;
  }
  let db: Database.Database;
  try {
    db = new Database(tempPath);
    if (merged && schemaVersionOf(db) !== SCHEMA_VERSION) {
      // built by another Bulwark version: start over rather than mix layouts
      db.close();
      await rm(tempPath, { force: true });
      merged = false;
      db = new Database(tempPath);
    }
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    db.exec(DDL);
    db.exec('BEGIN');
  } catch (err) {
    await rm(tempPath, { force: true });
    throw new BulwarkError('DB_ERROR', `cannot create the advisory database in ${dir}: ${errorMessage(err)}`, err);
  }
  let finished = false;
  const writers: RecordWriter[] = [];
  return {
    tempPath,
    merged,
    writer(source) {
      const w = createRecordWriter(db, source);
      writers.push(w);
      return w;
    },
    async commit() {
      if (finished) throw new Error('build already finished');
      finished = true;
      try {
        const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
        setMeta.run('schema_version', String(SCHEMA_VERSION));
        setMeta.run('updated_at', new Date().toISOString());
        db.exec('COMMIT');
        const free = db.pragma('freelist_count', { simple: true }) as number;
        const pages = db.pragma('page_count', { simple: true }) as number;
        if (merged && free > pages / 4) db.exec('VACUUM');
        db.exec('ANALYZE');
        db.pragma('journal_mode = DELETE');
        db.close();
        await fsyncPath(tempPath);
        await rename(tempPath, live);
        await fsyncPath(dir, true);
      } catch (err) {
        if (db.open) db.close();
        await rm(tempPath, { force: true });
        throw new BulwarkError('DB_ERROR', `cannot write the advisory database ${live}: ${errorMessage(err)}`, err);
      }
    },
    async abort() {
      if (finished) return;
      finished = true;
      if (db.open) db.close();
      await rm(tempPath, { force: true });
    },
  };
}
