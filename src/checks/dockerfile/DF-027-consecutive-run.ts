/** DF-027: consecutive RUN instructions that could be one. */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-027',
  slug: 'consecutive-run',
  target: 'dockerfile',
  title: 'Consecutive RUN instructions',
  severity: 'INFO',
  rationale: 'Each RUN is a layer. Files created in one RUN and deleted in the next still ship in the first layer, and many small layers slow pulls. RUNs with different flags (mounts, network) are not reported.',
  remediation: 'Join related steps with `&&` (and line continuations) in one RUN, cleaning up in the same RUN.',
  references: { hadolint: 'DL3059', urls: ['https://github.com/hadolint/hadolint/wiki/DL3059'] },
  examples: {
    bad: [{ description: 'Two RUNs in a row', input: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown 10001 /app\n' }],
    good: [{ description: 'One RUN; RUNs with different mounts', input: 'FROM debian:12\nRUN mkdir -p /app && chown 10001 /app\nRUN --mount=type=cache,target=/root/.cache make\n' }],
  },
};

export const consecutiveRun: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const s of input.stages) {
      for (let i = 1; i < s.instructions.length; i++) {
        const a = s.instructions[i - 1]!;
        const b = s.instructions[i]!;
        if (a.keyword === 'RUN' && b.keyword === 'RUN' && JSON.stringify(a.flags) === JSON.stringify(b.flags)) {
          hits.push(hitAt(input, b.line, `RUN on line ${b.line} follows the RUN on line ${a.line}; consider joining them`));
        }
      }
    }
    return hits;
  },
};
