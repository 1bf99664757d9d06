/**
 * Package-manager invocations in RUN commands: which command installs with which manager, and
 * the packages it names. Shared by the apt/apk/rpm/pip/npm/gem/go checks.
 */
import { argsOf, isDynamic, positionals, program } from './commands.js';
import type { ShellCommand } from './input.js';

/** apt-get/apt options that take a value. */
export const APT_VALUED = ['-o', '-t', '-c', '--option', '--target-release', '--config-file'];
/** apk options that take a value. */
export const APK_VALUED = ['-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--cache-max-age'];

/** The subcommand of an apt-get/apt call, or undefined. */
export function aptSubcommand(cmd: ShellCommand, programs = ['apt-get', 'apt']): string | undefined {
  if (!programs.includes(program(cmd))) return undefined;
  return positionals(argsOf(cmd), APT_VALUED)[0];
}

/** `apt-get install …` (or `apt install`). */
export function isAptInstall(cmd: ShellCommand): boolean {
  return aptSubcommand(cmd) === 'install';
}

/** Packages named after the subcommand, without local files and variables. */
export function packagesOf(cmd: ShellCommand, valued: string[]): string[] {
  return positionals(argsOf(cmd), valued)
    .slice(1)
    .filter((p) => !isDynamic(p) && !p.startsWith('.') && !p.startsWith('/') && !p.includes('://'));
}

/** The subcommand of an apk call, or undefined. */
export function apkSubcommand(cmd: ShellCommand): string | undefined {
  return program(cmd) === 'apk' ? positionals(argsOf(cmd), APK_VALUED)[0] : undefined;
}

/** Lists up to three names for a message. */
export function few(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(' ')} (+${names.length - 3})` : names.join(' ');
}
