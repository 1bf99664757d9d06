/** DF-020: pip install of packages without a version. */
import { argsOf, base, positionals, program } from './commands.js';
import type { ShellCommand } from './input.js';
import { few, packagesOf } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-020',
  slug: 'pip-unpinned',
  target: 'dockerfile',
  title: 'pip install without pinned versions',
  severity: 'LOW',
  rationale: 'Installing `pkg` instead of `pkg==version` (or from a requirements/constraints file) takes whatever PyPI serves at build time, including a typo-squatted or compromised new release. Upgrading pip, setuptools and wheel themselves is not reported.',
  remediation: 'Pin versions (`pip install requests==2.32.3`), or better install from a lock file with hashes: `pip install --require-hashes -r requirements.txt`.',
  references: { hadolint: 'DL3013', urls: ['https://github.com/hadolint/hadolint/wiki/DL3013'] },
  examples: {
    bad: [{ description: 'Unpinned package', input: 'FROM python:3.12\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n' }],
    good: [{ description: 'Pinned, requirements file, local path, tooling upgrade', input: 'FROM python:3.12\nRUN pip install --no-cache-dir --upgrade pip \\\n && python -m pip install --no-cache-dir -r requirements.txt flask==3.0.3 .\n' }],
  },
};

const PIP_VALUED = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--trusted-host', '--cache-dir',
  '--src', '--upgrade-strategy', '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert',
  '--client-cert', '--global-option', '--install-option', '-C', '--config-settings', '--only-binary', '--no-binary', '--report',
];
const TOOLING = new Set(['pip', 'setuptools', 'wheel']);

/** `pip install`, `pip3 install`, `python -m pip install`: the args after `install`, else undefined. */
export function pipInstallArgs(cmd: ShellCommand): string[] | undefined {
  let args = argsOf(cmd);
  const prog = program(cmd);
  if (/^python[0-9.]*$/.test(prog)) {
    const m = args.indexOf('-m');
    if (m < 0 || base(args[m + 1] ?? '') !== 'pip') return undefined;
    args = args.slice(m + 2);
  } else if (!/^pip[0-9.]*$/.test(prog)) return undefined;
  return positionals(args, PIP_VALUED)[0] === 'install' ? args : undefined;
}

export const pipUnpinned = commandRule(meta, (cmd) => {
  const args = pipInstallArgs(cmd);
  if (!args) return undefined;
  const loose = packagesOf({ ...cmd, argv: ['pip', ...args] }, PIP_VALUED).filter(
    (p) => !/[=<>~!@]/.test(p) && !/\.(whl|tar\.gz|zip)$/.test(p) && !TOOLING.has(p.toLowerCase()),
  );
  return loose.length ? `pip install without a version: ${few(loose)}` : undefined;
});
