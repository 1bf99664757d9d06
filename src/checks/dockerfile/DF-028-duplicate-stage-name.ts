/** DF-028: two stages with the same name. */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-028',
  slug: 'duplicate-stage-name',
  target: 'dockerfile',
  title: 'Duplicate stage name',
  severity: 'MEDIUM',
  rationale: 'Stage names (`FROM … AS name`) are case-insensitive and must be unique; with a duplicate, `COPY --from=name` and `--target name` refer to a different stage than the author meant (or the build fails).',
  remediation: 'Give each stage a unique name.',
  references: { hadolint: 'DL3024', trivy: 'DS-0012', urls: ['https://github.com/hadolint/hadolint/wiki/DL3024'] },
  examples: {
    bad: [{ description: 'Name reused', input: 'FROM node:20 AS build\nFROM node:20 AS Build\n' }],
    good: [{ description: 'Unique names', input: 'FROM node:20 AS deps\nFROM node:20 AS build\n' }],
  },
};

export const duplicateStageName: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    const seen = new Map<string, number>();
    for (const s of input.stages) {
      const name = s.from.alias?.toLowerCase();
      if (!name) continue;
      const first = seen.get(name);
      if (first !== undefined) hits.push(hitAt(input, s.from.line, `stage name ${s.from.alias} is already used on line ${first}`));
      else seen.set(name, s.from.line);
    }
    return hits;
  },
};
