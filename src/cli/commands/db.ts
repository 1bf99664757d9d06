/**
 * `bulwark db import|update|status`: the local OSV advisory database under <cacheDir>/db/.
 * Progress and summaries go to stderr; `status` writes its report to stdout.
 */
import type { Command } from 'commander';
import { resolveCacheDir } from '../../cache/dirs.js';
import { BulwarkError } from '../../shared/errors.js';
import { stderrProgress } from '../../shared/progress.js';
import { importAdvisories } from '../../vuln/db/import.js';
import { statusText } from '../../vuln/db/status-text.js';
import { DEFAULT_MAX_AGE_HOURS } from '../../vuln/db/status.js';
import { openAdvisoryDb } from '../../vuln/db/store.js';
import { updateAdvisories } from '../../vuln/db/update.js';
import { writeOutput } from '../common.js';

interface DbFlags {
  cacheDir?: string;
  quiet?: boolean;
  replace?: boolean;
  baseUrl?: string;
  ecosystem?: string[];
  format?: string;
  maxAge?: string;
  output?: string;
}

function invalidNote(n: number): string {
  return n ? `, ${n} invalid record${n === 1 ? '' : 's'} skipped` : '';
}

/** Registers `db import`, `db update` and `db status` on the program. */
export function registerDbCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const db = program.command('db').description('manage the local advisory database (OSV)');
  db.command('import <path>')
    .description('import advisories from a directory of .zip/.jsonl/.jsonl.gz/.json files, or one such file (offline sites)')
    .option('--replace', 'replace the database instead of merging into it (merging keeps the newer `modified`)')
    .option('--cache-dir <dir>', 'cache directory (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('-q, --quiet', 'no progress output')
    .action((path: string, flags: DbFlags) =>
      run(async () => {
        const progress = stderrProgress(Boolean(flags.quiet));
        const r = await importAdvisories(resolveCacheDir(flags.cacheDir), path, { replace: flags.replace, progress });
        progress.step(`imported ${r.records} advisories (${r.written} written) from ${r.files} file${r.files === 1 ? '' : 's'} in ${r.seconds.toFixed(1)} s${invalidNote(r.invalid)}`);
        if (process.env.BULWARK_DEBUG) for (const s of r.samples) progress.step(`  skipped ${s}`);
        return 0;
      }),
    );
  db.command('update')
    .description('download the OSV export (<base>/<ecosystem>/all.zip); unchanged ecosystems are skipped')
    .option('--base-url <url>', 'export or mirror URL (default $BULWARK_DB_URL or https://osv-vulnerabilities.storage.googleapis.com)')
    .option('--ecosystem <name...>', 'only these ecosystems (default: all in <base>/ecosystems.txt)')
    .option('--cache-dir <dir>', 'cache directory (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('-q, --quiet', 'no progress output')
    .action((flags: DbFlags) =>
      run(async () => {
        const progress = stderrProgress(Boolean(flags.quiet));
        const r = await updateAdvisories(resolveCacheDir(flags.cacheDir), { baseUrl: flags.baseUrl, ecosystems: flags.ecosystem, progress });
        const updated = r.ecosystems.filter((e) => e.status === 'updated');
        const records = updated.reduce((a, e) => a + e.records, 0);
        progress.step(
          `updated ${updated.length} of ${r.ecosystems.length} ecosystems (${records} advisories, ${r.ecosystems.length - updated.length} unchanged) in ${r.seconds.toFixed(1)} s${invalidNote(r.invalid)}`,
        );
        return 0;
      }),
    );
  db.command('status')
    .description('show the database path, size, sources, advisories per ecosystem and age')
    .option('-f, --format <format>', 'table | json', 'table')
    .option('--max-age <hours>', 'age after which the database counts as stale', String(DEFAULT_MAX_AGE_HOURS))
    .option('--cache-dir <dir>', 'cache directory (default $BULWARK_CACHE_DIR or the user cache dir)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action((flags: DbFlags) =>
      run(async () => {
        const format = flags.format ?? 'table';
        if (format !== 'table' && format !== 'json') throw new BulwarkError('USAGE', `unknown format ${JSON.stringify(format)} (use table, json)`);
        const maxAge = Number(flags.maxAge ?? DEFAULT_MAX_AGE_HOURS);
        if (!(maxAge > 0)) throw new BulwarkError('USAGE', `--max-age must be a positive number of hours`);
        const handle = openAdvisoryDb(resolveCacheDir(flags.cacheDir));
        try {
          const s = handle.status();
          const stale = s.ageHours > maxAge;
          const text = format === 'json' ? JSON.stringify({ ...s, ageHours: Number.isFinite(s.ageHours) ? Number(s.ageHours.toFixed(3)) : null, stale }, null, 2) + '\n' : statusText(s, stale);
          await writeOutput(text, flags.output);
        } finally {
          handle.close();
        }
        return 0;
      }),
    );
}
