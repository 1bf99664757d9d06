/** DF-018: apt-get install of packages without =version. */
import { APT_VALUED, few, isAptInstall, packagesOf } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-018',
  slug: 'apt-unpinned',
  target: 'dockerfile',
  title: 'apt-get install without pinned versions',
  severity: 'LOW',
  rationale: 'Without `pkg=version`, each build installs whatever the mirror has that day: builds are not reproducible and a rebuild can change behaviour or pull a bad release. (Pinning has a cost: pins must be bumped when the mirror drops old versions. Suppress this check where the base image tag already fixes the distribution release and that is enough.)',
  remediation: 'Pin each package: `apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6`. Find versions with `apt-cache policy <pkg>`.',
  references: { hadolint: 'DL3008', urls: ['https://github.com/hadolint/hadolint/wiki/DL3008'] },
  examples: {
    bad: [{ description: 'Unpinned packages', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates=20230311\n' }],
    good: [{ description: 'Pinned packages and a local .deb', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ./vendor.deb\n' }],
  },
};

export const aptUnpinned = commandRule(meta, (cmd) => {
  if (!isAptInstall(cmd)) return undefined;
  const loose = packagesOf(cmd, APT_VALUED).filter((p) => !p.includes('=') && !p.endsWith('.deb'));
  return loose.length ? `apt-get install without a version: ${few(loose)}` : undefined;
});
