/**
 * `bulwark db update`: fetches <base>/<ecosystem>/all.zip from the OSV bulk export (or a
 * mirror), skipping ecosystems the server reports unchanged (conditional GET with the stored
 * ETag / Last-Modified), then builds a new DB from a copy of the live one and swaps it in.
 * Any failure (network, corrupt zip, cap exceeded) leaves the live DB untouched.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { formatBytes, mapLimit, silentProgress, type Progress } from '../../shared/progress.js';
import { beginBuild } from './builder.js';
import { DEFAULT_RETRY, downloadFile, fetchText, type Conditional, type RetryPolicy } from './download.js';
import { withLimits, type DbLimits } from './limits.js';
import { readFileRecords } from './read-records.js';
import { dbDir, dbPath } from './schema.js';

/** The OSV bulk export. */
export const DEFAULT_DB_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Options of updateAdvisories. */
export interface UpdateOptions {
  /** default: $BULWARK_DB_URL, else DEFAULT_DB_URL */
  baseUrl?: string;
  /** default: every ecosystem in <base>/ecosystems.txt */
  ecosystems?: string[];
  progress?: Progress;
  limits?: Partial<DbLimits>;
  retry?: Partial<RetryPolicy>;
}

/** What happened to one ecosystem. */
export interface EcosystemUpdate {
  ecosystem: string;
  status: 'updated' | 'unchanged';
  bytes: number;
  records: number;
  written: number;
  invalid: number;
  pruned: number;
}

/** Figures of one update. */
export interface UpdateResult {
  baseUrl: string;
  ecosystems: EcosystemUpdate[];
  invalid: number;
  seconds: number;
}

const ECOSYSTEM = /^[A-Za-z0-9][A-Za-z0-9 ._:+-]{0,99}$/;

/** The base URL to use: flag, else $BULWARK_DB_URL, else the OSV export; http(s) only, no trailing slash. */
export function resolveBaseUrl(flag?: string): string {
  const raw = flag || process.env.BULWARK_DB_URL || DEFAULT_DB_URL;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BulwarkError('USAGE', `not a URL: ${raw}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new BulwarkError('USAGE', `${raw}: only http and https are supported`);
  return raw.replace(/\/+$/, '');
}

/**
 * Ecosystem names from ecosystems.txt: one per line. A release-qualified name ('Debian:11') is
 * dropped when its base is listed too, because the base all.zip already holds those records.
 */
export function parseEcosystemsTxt(text: string): string[] {
  const names = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const bad = names.find((n) => !ECOSYSTEM.test(n));
  if (bad !== undefined) throw new BulwarkError('DB_ERROR', `ecosystems.txt lists an unusable name: ${JSON.stringify(bad.slice(0, 80))}`);
  const set = new Set(names);
  return [...set].filter((n) => !n.includes(':') || !set.has(n.slice(0, n.indexOf(':'))));
}

function storedValidators(cacheDir: string): Map<string, Conditional> {
  const out = new Map<string, Conditional>();
  const path = dbPath(cacheDir);
  if (!existsSync(path)) return out;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(`SELECT key, etag, last_modified FROM sources WHERE kind = 'update'`).all() as {
        key: string;
        etag: string | null;
        last_modified: string | null;
      }[];
      for (const r of rows) out.set(r.key, { etag: r.etag ?? undefined, lastModified: r.last_modified ?? undefined });
    } finally {
      db.close();
    }
  } catch {
    // an unreadable or older DB: download everything again
  }
  return out;
}

/** Marks the live DB as checked now (every ecosystem answered 304): one small transaction in place. */
function touchUpdatedAt(cacheDir: string): void {
  const db = new Database(dbPath(cacheDir), { fileMustExist: true });
  try {
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('updated_at', ?)`).run(new Date().toISOString());
  } finally {
    db.close();
  }
}

/** Downloads and imports the OSV export for the chosen ecosystems. */
export async function updateAdvisories(cacheDir: string, opts: UpdateOptions = {}): Promise<UpdateResult> {
  const started = Date.now();
  const progress = opts.progress ?? silentProgress();
  const limits = withLimits(opts.limits);
  const policy = { ...DEFAULT_RETRY, ...opts.retry };
  const baseUrl = resolveBaseUrl(opts.baseUrl);
  const given = opts.ecosystems?.filter((e) => e !== '');
  if (given) for (const e of given) if (!ECOSYSTEM.test(e)) throw new BulwarkError('USAGE', `not an ecosystem name: ${e}`);
  const work = join(dbDir(cacheDir), `.download-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const ecosystems = given?.length ? [...new Set(given)] : parseEcosystemsTxt(await fetchText(`${baseUrl}/ecosystems.txt`, 1024 * 1024, policy));
    if (ecosystems.length === 0) throw new BulwarkError('DB_ERROR', `${baseUrl}/ecosystems.txt lists no ecosystems`);
    const stored = storedValidators(cacheDir);
    await mkdir(work, { recursive: true, mode: 0o700 });
    const sizes = new Map<string, number>();
    let done = 0;
    const show = (): void => {
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      progress.update(`downloading ${done}/${ecosystems.length} ecosystems, ${formatBytes(total)}`);
    };
    const downloads = await mapLimit(ecosystems, 3, async (eco, i) => {
      const url = `${baseUrl}/${encodeURIComponent(eco)}/all.zip`;
      const file = join(work, `${i}.zip`);
      const res = await downloadFile(url, file, {
        cond: stored.get(url),
        maxBytes: limits.maxDownloadBytes,
        policy,
        onBytes: (n) => (sizes.set(eco, n), show()),
      });
      done++;
      progress.step(res.status === 'ok' ? `downloaded ${eco} (${formatBytes(res.bytes)})` : `${eco}: unchanged`);
      return { eco, url, file, res };
    });
    const changed = downloads.filter((d) => d.res.status === 'ok');
    const result: UpdateResult = { baseUrl, ecosystems: [], invalid: 0, seconds: 0 };
    for (const d of downloads) {
      if (d.res.status !== 'ok') result.ecosystems.push({ ecosystem: d.eco, status: 'unchanged', bytes: 0, records: 0, written: 0, invalid: 0, pruned: 0 });
    }
    if (changed.length === 0 && existsSync(dbPath(cacheDir))) {
      touchUpdatedAt(cacheDir);
    } else {
      const build = await beginBuild(cacheDir, { replace: false });
      try {
        for (const d of changed) {
          if (d.res.status !== 'ok') continue;
          const w = build.writer({ key: d.url, kind: 'update', location: d.url, etag: d.res.etag, lastModified: d.res.lastModified });
          let n = 0;
          for await (const item of readFileRecords(d.file, limits)) {
            const origin = `${d.eco}/${item.origin.slice(d.file.length + 1)}`;
            if (item.error !== undefined) w.invalid(origin, item.error);
            else w.add(item.value, origin);
            if (++n % 2000 === 0) progress.update(`importing ${d.eco}: ${n} records`);
          }
          const s = w.finish({ prune: true });
          result.invalid += s.invalid;
          result.ecosystems.push({ ecosystem: d.eco, status: 'updated', bytes: d.res.bytes, records: s.records, written: s.written, invalid: s.invalid, pruned: s.pruned });
          await rm(d.file, { force: true });
        }
        progress.update('writing the database');
        await build.commit();
      } catch (err) {
        await build.abort();
        throw err;
      }
    }
    progress.done();
    result.ecosystems.sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1));
    result.seconds = (Date.now() - started) / 1000;
    return result;
  } catch (err) {
    progress.done();
    if (err instanceof BulwarkError && err.code === 'USAGE') throw err;
    throw new BulwarkError('DB_ERROR', `update failed, database unchanged: ${errorMessage(err)}`, err);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
