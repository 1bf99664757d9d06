/** DF-007: apt-get install without --no-install-recommends. */
import { argsOf } from './commands.js';
import { isAptInstall } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-007',
  slug: 'apt-no-install-recommends',
  target: 'dockerfile',
  title: 'apt-get install pulls in recommended packages',
  severity: 'LOW',
  rationale: 'By default apt installs "recommended" packages too: more size, more CVEs to patch, and more tools for an attacker, none of which the application asked for.',
  remediation: 'Add `--no-install-recommends` (or set `APT::Install-Recommends "false";` in /etc/apt/apt.conf.d).',
  references: { hadolint: 'DL3015', trivy: 'DS-0029', urls: ['https://github.com/hadolint/hadolint/wiki/DL3015'] },
  examples: {
    bad: [{ description: 'Recommends are installed', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n' }],
    good: [{ description: 'Only what is asked for', input: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' }],
  },
};

export const aptNoInstallRecommends = commandRule(meta, (cmd) => {
  if (!isAptInstall(cmd)) return undefined;
  const ok = argsOf(cmd).some((a) => a === '--no-install-recommends' || /Install-Recommends=(0|false|no)/i.test(a));
  return ok ? undefined : 'apt-get install without --no-install-recommends';
});
