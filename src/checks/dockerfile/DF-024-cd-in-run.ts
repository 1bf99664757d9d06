/** DF-024: cd inside RUN instead of WORKDIR. */
import { program } from './commands.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-024',
  slug: 'cd-in-run',
  target: 'dockerfile',
  title: 'cd in RUN instead of WORKDIR',
  severity: 'INFO',
  rationale: '`cd` lasts only for its RUN, so later instructions run somewhere else than a reader expects; WORKDIR states the directory once and creates it if needed. Commands inside nested `sh -c` scripts are not reported.',
  remediation: 'Use `WORKDIR /path` before the RUN, or a subshell-free tool option such as `make -C dir` / `git -C dir`.',
  references: { hadolint: 'DL3003', trivy: 'DS-0013', urls: ['https://github.com/hadolint/hadolint/wiki/DL3003'] },
  examples: {
    bad: [{ description: 'cd before building', input: 'FROM golang:1.22\nRUN cd /src && go build ./...\n' }],
    good: [{ description: 'WORKDIR', input: 'FROM golang:1.22\nWORKDIR /src\nRUN go build ./...\n' }],
  },
};

export const cdInRun = commandRule(meta, (cmd) => (program(cmd) === 'cd' && !cmd.nested ? `cd ${cmd.argv[1] ?? ''}: use WORKDIR` : undefined));
