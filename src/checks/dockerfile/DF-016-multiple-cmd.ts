/** DF-016: more than one CMD in a stage (only the last one counts). */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

/** Builds the "several X in one stage" check for CMD, ENTRYPOINT or HEALTHCHECK. */
export function onlyOnePerStage(meta: DockerfileMeta, keyword: string): Check<DockerfileCheckInput> {
  return {
    meta,
    run(input) {
      const hits: CheckHit[] = [];
      for (const s of input.stages) {
        const all = s.instructions.filter((i) => i.keyword === keyword);
        const last = all[all.length - 1];
        for (const i of all.slice(0, -1)) hits.push(hitAt(input, i.line, `${keyword} on line ${i.line} has no effect: the ${keyword} on line ${last!.line} replaces it`));
      }
      return hits;
    },
  };
}

const meta: DockerfileMeta = {
  id: 'DF-016',
  slug: 'multiple-cmd',
  target: 'dockerfile',
  title: 'Several CMD in one stage',
  severity: 'LOW',
  rationale: 'Only the last CMD of a stage takes effect. The earlier ones are dead code that misleads readers about what the container runs.',
  remediation: 'Keep one CMD per stage; run several processes with a proper init or supervisor, or split them into separate containers.',
  references: { hadolint: 'DL4003', trivy: 'DS-0016', urls: ['https://github.com/hadolint/hadolint/wiki/DL4003'] },
  examples: {
    bad: [{ description: 'Two CMDs', input: 'FROM node:20\nCMD ["node", "worker.js"]\nCMD ["node", "server.js"]\n' }],
    good: [{ description: 'One CMD per stage', input: 'FROM node:20 AS test\nCMD ["npm", "test"]\nFROM node:20\nCMD ["node", "server.js"]\n' }],
  },
};

export const multipleCmd = onlyOnePerStage(meta, 'CMD');
