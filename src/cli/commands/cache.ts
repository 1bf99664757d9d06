/** `bulwark cache clean`: removes cached layer results, image inventories and stale temp files. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveCacheDir } from '../../cache/dirs.js';

export function registerCacheCommands(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const cache = program.command('cache').description('manage the local cache');
  cache
    .command('clean')
    .description('remove cached layer results and temp files (add --all to remove the advisory database too)')
    .option('--cache-dir <dir>', 'cache directory')
    .option('--all', 'also remove the advisory database')
    .action((flags: { cacheDir?: string; all?: boolean }) =>
      run(async () => {
        const dir = resolveCacheDir(flags.cacheDir);
        await rm(join(dir, 'layers'), { recursive: true, force: true });
        await rm(join(dir, 'inventories'), { recursive: true, force: true });
        await rm(join(dir, 'tmp'), { recursive: true, force: true });
        if (flags.all) await rm(join(dir, 'db'), { recursive: true, force: true });
        process.stderr.write(`cleaned ${dir}\n`);
        return 0;
      }),
    );
  cache
    .command('dir')
    .description('print the cache directory')
    .option('--cache-dir <dir>', 'cache directory')
    .action((flags: { cacheDir?: string }) =>
      run(async () => {
        process.stdout.write(resolveCacheDir(flags.cacheDir) + '\n');
        return 0;
      }),
    );
}
