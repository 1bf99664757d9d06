/**
 * Test entry for `bulwark worker` while the command is not wired into src/cli/main.ts:
 * `node --import tsx test/workers/worker-entry.ts worker --db postgres://… …`.
 */
import { Command } from 'commander';
import { registerWorkerCommands } from '../../src/cli/commands/worker.js';

let code = 0;
const program = new Command().name('bulwark').exitOverride();
registerWorkerCommands(program, async (fn) => {
  code = await fn();
});
program.parseAsync(process.argv).then(
  () => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`worker-entry: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
