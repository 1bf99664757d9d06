/**
 * `bulwark policy …` and `bulwark db …` for tests, before src/cli/main.ts registers the policy
 * commands: the same program setup and error reporting as main(), with only these commands.
 */
import { Command } from 'commander';
import { registerDbCommands } from '../../cli/commands/db.js';
import { registerPolicyCommands } from '../../cli/commands/policy.js';
import { reportError } from '../../cli/main.js';

let exitCode = 0;
const program = new Command().name('bulwark').exitOverride();
const run = async (fn: () => Promise<number>): Promise<void> => {
  exitCode = await fn();
};
registerPolicyCommands(program, run);
registerDbCommands(program, run);
for (const c of program.commands) c.exitOverride();
try {
  await program.parseAsync(['node', 'bulwark', ...process.argv.slice(2)]);
} catch (err) {
  exitCode = reportError(err);
}
process.exitCode = exitCode;
