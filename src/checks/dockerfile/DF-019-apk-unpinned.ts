/** DF-019: apk add of packages without =version. */
import { APK_VALUED, apkSubcommand, few, packagesOf } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-019',
  slug: 'apk-unpinned',
  target: 'dockerfile',
  title: 'apk add without pinned versions',
  severity: 'LOW',
  rationale: 'Without `pkg=version` (or `pkg~version`), each build installs whatever the Alpine repository has that day, so builds are not reproducible. The `--virtual` name is not a package and is not reported.',
  remediation: 'Pin each package: `apk add --no-cache curl=8.9.1-r0` (or `curl~8.9` to follow patch releases).',
  references: { hadolint: 'DL3018', urls: ['https://github.com/hadolint/hadolint/wiki/DL3018'] },
  examples: {
    bad: [{ description: 'Unpinned package', input: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
    good: [{ description: 'Pinned packages, virtual group name', input: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev~1.2\n' }],
  },
};

export const apkUnpinned = commandRule(meta, (cmd) => {
  if (apkSubcommand(cmd) !== 'add') return undefined;
  const loose = packagesOf(cmd, APK_VALUED).filter((p) => !/[=~<>]/.test(p) && !p.endsWith('.apk'));
  return loose.length ? `apk add without a version: ${few(loose)}` : undefined;
});
