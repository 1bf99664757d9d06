/**
 * `bulwark db` for tests, before src/cli/main.ts registers the commands: the same program
 * setup and error reporting as main(), with only the db commands.
 */
import { Command } from 'commander';
import { reportError } from '../../../cli/main.js';
import { registerDbCommands } from '../../../cli/commands/db.js';

let exitCode = 0;
const program = new Command().name('bulwark').exitOverride();
registerDbCommands(program, async (fn) => {
  exitCode = await fn();
});
for (const c of program.commands) c.exitOverride();
try {
  await program.parseAsync(['node', 'bulwark', 'db', ...process.argv.slice(2)]);
} catch (err) {
  exitCode = reportError(err);
}
process.exitCode = exitCode;
