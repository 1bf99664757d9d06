/** The bulwark command line. Errors become one line on stderr and a documented exit code. */
import { Command, CommanderError } from 'commander';
import { BulwarkError, EXIT } from '../shared/errors.js';
import type { Command as CommandType } from 'commander';
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
  for (const register of await registrarsFor(argv.slice(2))) register(program, run);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

type Registrar = (program: CommandType, run: (fn: () => Promise<number>) => Promise<void>) => void;

/**
 * Command modules, loaded on demand: a scan does not pay for the server, signature or policy stacks
 * (start-up dominates warm scans). Each entry names the commands its module registers.
 */
const MODULES: { commands: string[]; load: () => Promise<Registrar> }[] = [
  { commands: ['packages', 'inventory', 'sbom', 'files'], load: async () => (await import('./commands/inventory.js')).registerInventoryCommands },
  { commands: ['image', 'rootfs', 'fs', 'sbom-scan'], load: async () => (await import('./commands/scan.js')).registerScanCommands },
  { commands: ['config', 'host'], load: async () => (await import('./commands/config.js')).registerConfigCommands },
  { commands: ['verify'], load: async () => (await import('./commands/verify.js')).registerVerifyCommands },
  { commands: ['policy'], load: async () => (await import('./commands/policy.js')).registerPolicyCommands },
  {
    commands: ['server'],
    load: async () => {
      const [{ registerServerCommands }, { webPlugin }] = await Promise.all([import('./commands/server.js'), import('../server/web/plugin.js')]);
      return (program, run) => registerServerCommands(program, run, { plugins: [{ name: 'web', plugin: webPlugin }] });
    },
  },
  { commands: ['worker'], load: async () => (await import('./commands/worker.js')).registerWorkerCommands },
  { commands: ['admission'], load: async () => (await import('../server/admission/command.js')).registerAdmissionCommand },
  { commands: ['db'], load: async () => (await import('./commands/db.js')).registerDbCommands },
  { commands: ['cache'], load: async () => (await import('./commands/cache.js')).registerCacheCommands },
];

/** The registrars for the command being run, or all of them (help, unknown command, no command). */
async function registrarsFor(args: string[]): Promise<Registrar[]> {
  const name = args.find((a) => !a.startsWith('-'));
  if (name === undefined && (args.includes('-V') || args.includes('--version'))) return [];
  const hit = MODULES.find((m) => name !== undefined && m.commands.includes(name));
  const wanted = hit && !args.includes('--help') && !args.includes('-h') ? [hit] : MODULES;
  return Promise.all(wanted.map((m) => m.load()));
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
