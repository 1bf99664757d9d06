/** DF-026: a pipe in RUN without pipefail. */
import type { Check, CheckHit } from '../types.js';
import { base } from './commands.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-026',
  slug: 'pipefail',
  target: 'dockerfile',
  title: 'Pipe in RUN without pipefail',
  severity: 'LOW',
  rationale: 'A pipeline\'s status is its last command\'s: in `curl -fsSL url | tar xz`, a failed download still "succeeds" and the build carries on with a broken or empty result.',
  remediation: 'Set it once per stage, `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (busybox ash supports it too), or start the RUN with `set -o pipefail &&`.',
  references: { hadolint: 'DL4006', trivy: 'DS-0032', urls: ['https://github.com/hadolint/hadolint/wiki/DL4006'] },
  examples: {
    bad: [{ description: 'Pipe, default shell', input: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n' }],
    good: [
      { description: 'SHELL with pipefail', input: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n' },
      { description: 'set -o pipefail in the RUN', input: 'FROM alpine:3.20\nRUN set -euo pipefail; wget -qO- https://example.com/app.tgz | tar -xz -C /opt\n' },
    ],
  },
};

export const pipefail: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const ins of input.instructions) {
      if (ins.form === 'exec' || !ins.commands) continue;
      if (ins.shell.includes('pipefail')) continue;
      const piped = ins.commands.find((c) => c.sep === '|' && !c.nested);
      if (!piped) continue;
      const set = ins.commands.find((c) => base(c.argv[0] ?? '') === 'set' && c.argv.includes('pipefail'));
      if (!set || set.line > piped.line) hits.push(hitAt(input, piped.line, `${piped.argv[0]} … | …: the pipeline's failures are ignored without pipefail`));
    }
    return hits;
  },
};
