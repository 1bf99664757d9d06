/** The bulwark command line. Errors become one line on stderr and a documented exit code. */
import { Command, CommanderError } from 'commander';
import { BulwarkError, EXIT } from '../shared/errors.js';
import { registerCacheCommands } from './commands/cache.js';
import { registerConfigCommands } from './commands/config.js';
import { registerDbCommands } from './commands/db.js';
import { registerInventoryCommands } from './commands/inventory.js';
import { registerScanCommands } from './commands/scan.js';
import { registerServerCommands } from './commands/server.js';
import { registerVerifyCommands } from './commands/verify.js';
import { VERSION } from '../shared/version.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const run = async (fn: () => Promise<number>): Promise<void> => {
    exitCode = await fn();
  };
  const program = new Command()
    .name('bulwark')
    .description('Container security scanner: inventory, vulnerabilities, hardening, trust')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInventoryCommands(program, run);
  registerScanCommands(program, run);
  registerVerifyCommands(program, run);
  registerServerCommands(program, run);
  registerConfigCommands(program, run);
  registerCacheCommands(program, run);
  registerDbCommands(program, run);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return EXIT.usage;
  }
  if (err instanceof BulwarkError) {
    process.stderr.write(`bulwark: error: ${err.message}\n`);
    if (process.env.BULWARK_DEBUG && err.cause) process.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOSPC' || e.code === 'EISDIR')) {
    process.stderr.write(`bulwark: error: ${e.message}\n`);
    return EXIT.badInput;
  }
  process.stderr.write(`bulwark: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.BULWARK_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
  return EXIT.internal;
}
