/** DF-030: apt (the interactive front end) in RUN. */
import { aptSubcommand } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-030',
  slug: 'apt-not-apt-get',
  target: 'dockerfile',
  title: 'apt used instead of apt-get',
  severity: 'LOW',
  rationale: '`apt` is the interactive front end: its output and behaviour are not a stable interface ("WARNING: apt does not have a stable CLI interface"), so scripts should use apt-get / apt-cache.',
  remediation: 'Replace `apt install` with `apt-get install -y --no-install-recommends`.',
  references: { hadolint: 'DL3027', urls: ['https://github.com/hadolint/hadolint/wiki/DL3027'] },
  examples: {
    bad: [{ description: 'apt in a script', input: 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n' }],
    good: [{ description: 'apt-get', input: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' }],
  },
};

export const aptNotAptGet = commandRule(meta, (cmd) => {
  const sub = aptSubcommand(cmd, ['apt']);
  return sub ? `apt ${sub}: use apt-get` : undefined;
});
