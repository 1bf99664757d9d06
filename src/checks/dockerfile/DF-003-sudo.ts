/** DF-003: sudo in RUN. */
import { base } from './commands.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-003',
  slug: 'sudo',
  target: 'dockerfile',
  title: 'RUN uses sudo',
  severity: 'MEDIUM',
  rationale:
    'RUN already runs as the current USER; sudo adds a setuid binary and a sudoers policy to the image that a compromised process can use to become root, and its TTY and environment handling make builds behave unpredictably.',
  remediation: 'Run root-only steps before switching USER (`USER root` … `USER app`), and remove sudo from the image. Use gosu/su-exec in an entrypoint when a process must drop privileges at run time.',
  references: { hadolint: 'DL3004', trivy: 'DS-0010', urls: ['https://github.com/hadolint/hadolint/wiki/DL3004'] },
  examples: {
    bad: [{ description: 'sudo inside a RUN', input: 'FROM debian:12\nUSER app\nRUN sudo apt-get update && \\\n    sudo apt-get install -y curl\n' }],
    good: [{ description: 'Root work before dropping privileges', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER app\n' }],
  },
};

export const sudo = commandRule(meta, (cmd) => (base(cmd.argv[0] ?? '') === 'sudo' ? `sudo ${cmd.argv.slice(1, 3).join(' ')}…: run this step as root before USER instead` : undefined));
