/**
 * Reading shell commands: which program runs (through sudo/env/nice wrappers), its subcommand,
 * its options (combined short flags included) and its positional arguments.
 */
import type { ShellCommand } from './input.js';

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'time', 'command', 'exec', 'stdbuf', 'doas', 'gosu', 'su-exec', 'chroot']);
/** wrapper options that take a value: `sudo -u user`, `nice -n 10`, `gosu user cmd` */
const WRAPPER_VALUES: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-h', '-p', '-U', '-r', '-t', '-D']),
  nice: new Set(['-n']),
  env: new Set(['-u', '-C', '-S']),
  stdbuf: new Set(['-i', '-o', '-e']),
};
const POSITIONAL_WRAPPER = new Set(['gosu', 'su-exec', 'chroot']);

/** The command's words with sudo/env/nice… wrappers and their options removed. */
export function unwrap(argv: string[]): string[] {
  let a = argv;
  for (let guard = 0; guard < 8 && a.length; guard++) {
    const w = base(a[0]!);
    if (!WRAPPERS.has(w)) break;
    let i = 1;
    if (POSITIONAL_WRAPPER.has(w)) i = 2;
    while (i < a.length && (a[i]!.startsWith('-') || (w === 'env' && a[i]!.includes('=')))) {
      if (WRAPPER_VALUES[w]?.has(a[i]!)) i++;
      i++;
    }
    a = a.slice(i);
  }
  return a;
}

/** Base name of a program path: "/usr/bin/apt-get" → "apt-get". */
export function base(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The program a command runs (after wrappers), or '' for none. */
export function program(cmd: ShellCommand): string {
  const a = unwrap(cmd.argv);
  return a.length ? base(a[0]!) : '';
}

/** Arguments after the program (after wrappers). */
export function argsOf(cmd: ShellCommand): string[] {
  return unwrap(cmd.argv).slice(1);
}

/**
 * True when `args` carry the option: a long name (`--yes`, also `--yes=…`) or a short letter,
 * alone or combined (`-qy`).
 */
export function hasOption(args: string[], short: string[], long: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a.startsWith('--')) {
      const name = a.split('=')[0]!;
      if (long.includes(name)) return true;
    } else if (a.startsWith('-') && a.length > 1 && short.some((s) => a.slice(1).includes(s))) return true;
  }
  return false;
}

/**
 * Positional arguments (not options), skipping the values of options listed in `valued`
 * (e.g. `-o Dpkg::Options=x` for apt-get). The first is usually the subcommand.
 */
export function positionals(args: string[], valued: string[] = []): string[] {
  const out: string[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (afterDashDash) out.push(a);
    else if (a === '--') afterDashDash = true;
    else if (a.startsWith('-') && a.length > 1) {
      if (valued.includes(a)) i++;
    } else out.push(a);
  }
  return out;
}

/** `prog sub …`: the command is `program` with subcommand (first positional) in `subs`. */
export function isSubcommand(cmd: ShellCommand, programs: string[], subs: string[], valued: string[] = []): boolean {
  if (!programs.includes(program(cmd))) return false;
  const sub = positionals(argsOf(cmd), valued)[0];
  return sub !== undefined && subs.includes(sub);
}

/** Words that are variables or substitutions cannot be judged: `$PKGS`, `$(cat list)`. */
export function isDynamic(word: string): boolean {
  return word.includes('$') || word.includes('`');
}
