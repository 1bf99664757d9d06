/** DF-006: apt-get install/upgrade/remove without -y. */
import { argsOf, hasOption } from './commands.js';
import { aptSubcommand } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-006',
  slug: 'apt-get-missing-yes',
  target: 'dockerfile',
  title: 'apt-get without -y',
  severity: 'LOW',
  rationale: 'Without `-y` apt-get asks for confirmation; a build has no terminal, so the step aborts or depends on defaults that change between releases.',
  remediation: 'Add `-y` (or `--yes`, or `-qq`, which implies it): `apt-get install -y --no-install-recommends pkg`.',
  references: { hadolint: 'DL3014', trivy: 'DS-0021', urls: ['https://github.com/hadolint/hadolint/wiki/DL3014'] },
  examples: {
    bad: [{ description: 'Interactive install', input: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n' }],
    good: [{ description: 'Non-interactive install', input: 'FROM debian:12\nRUN apt-get update && apt-get -qy install --no-install-recommends curl\n' }],
  },
};

const ASKS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']);

export const aptGetMissingYes = commandRule(meta, (cmd) => {
  const sub = aptSubcommand(cmd, ['apt-get']);
  if (!sub || !ASKS.has(sub)) return undefined;
  const args = argsOf(cmd);
  const yes = hasOption(args, ['y'], ['--yes', '--assume-yes', '--force-yes']) || args.some((a) => a === '-qq' || a === '-q=2' || /Assume-Yes=(1|true|yes)/i.test(a));
  return yes ? undefined : `apt-get ${sub} without -y`;
});
