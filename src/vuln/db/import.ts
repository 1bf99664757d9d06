/**
 * `bulwark db import`: loads advisories from local files (air-gapped sites) into a new DB file
 * and swaps it in. Without `replace` the existing DB is the starting point and newer
 * `modified` wins; with it the DB holds exactly what was imported.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import { silentProgress, type Progress } from '../../shared/progress.js';
import { beginBuild } from './builder.js';
import { withLimits, type DbLimits } from './limits.js';
import { listInputFiles, readFileRecords } from './read-records.js';
import type { SourceStats } from './record-writer.js';

/** Options of importAdvisories. */
export interface ImportOptions {
  replace?: boolean;
  progress?: Progress;
  limits?: Partial<DbLimits>;
}

/** Figures of one import. */
export interface ImportResult extends SourceStats {
  files: number;
  seconds: number;
}

/** Imports `input` (a directory, .zip, .jsonl, .jsonl.gz or .json) into the DB under cacheDir. */
export async function importAdvisories(cacheDir: string, input: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  const progress = opts.progress ?? silentProgress();
  const limits = withLimits(opts.limits);
  const path = resolve(input);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new BulwarkError('NOT_FOUND', `${input}: no such file or directory`);
  const files = st.isDirectory() ? await listInputFiles(path) : [path];
  if (files.length === 0) throw new BulwarkError('NOT_FOUND', `${input}: no .zip, .jsonl, .jsonl.gz or .json files in it`);

  const build = await beginBuild(cacheDir, { replace: Boolean(opts.replace) });
  try {
    const writer = build.writer({ key: `import:${path}`, kind: 'import', location: path });
    let n = 0;
    for (const [i, file] of files.entries()) {
      progress.update(`importing ${file} (${i + 1}/${files.length}), ${n} records`);
      for await (const item of readFileRecords(file, limits)) {
        if (item.error !== undefined) writer.invalid(item.origin, item.error);
        else writer.add(item.value, item.origin);
        if (++n % 2000 === 0) progress.update(`importing ${file} (${i + 1}/${files.length}), ${n} records`);
      }
    }
    progress.update(`writing the database`);
    const stats = writer.finish({ prune: false });
    await build.commit();
    progress.done();
    return { ...stats, files: files.length, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    progress.done();
    await build.abort();
    if (err instanceof BulwarkError && err.code !== 'IO_ERROR') {
      throw err.code === 'DB_ERROR' || err.code === 'NOT_FOUND' || err.code === 'USAGE'
        ? err
        : new BulwarkError('DB_ERROR', `import failed, database unchanged: ${err.message}`, err);
    }
    throw new BulwarkError('DB_ERROR', `import failed, database unchanged: ${errorMessage(err)}`, err);
  }
}
