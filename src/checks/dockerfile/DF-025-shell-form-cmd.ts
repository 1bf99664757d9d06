/** DF-025: CMD or ENTRYPOINT in shell form. */
import { instructionRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-025',
  slug: 'shell-form-cmd',
  target: 'dockerfile',
  title: 'CMD or ENTRYPOINT in shell form',
  severity: 'LOW',
  rationale: 'Shell form runs the command under `/bin/sh -c`, so the shell is PID 1: SIGTERM from `docker stop` never reaches the application, which is killed after the timeout without a clean shutdown; a shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
  remediation: 'Use JSON (exec) form: `CMD ["node", "server.js"]`. If shell features are needed, `exec` the final process in a script.',
  references: { hadolint: 'DL3025', urls: ['https://github.com/hadolint/hadolint/wiki/DL3025'] },
  examples: {
    bad: [{ description: 'Shell form', input: 'FROM node:20\nCMD node server.js\n' }],
    good: [{ description: 'Exec form', input: 'FROM node:20\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n' }],
  },
};

export const shellFormCmd = instructionRule(meta, ['CMD', 'ENTRYPOINT'], (ins) =>
  ins.form === 'shell' && ins.text ? `${ins.keyword} ${ins.text.slice(0, 40)} is in shell form` : undefined,
);
