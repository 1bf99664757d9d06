/** DF-029: COPY --from naming its own stage, a later stage, or an untagged image. */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-029',
  slug: 'copy-from-stage',
  target: 'dockerfile',
  title: 'COPY --from does not name an earlier stage or a tagged image',
  severity: 'MEDIUM',
  rationale: '`COPY --from=x` takes an earlier stage name or index, or else an image reference. A name that is the current stage fails; a name that is not a stage (a typo, or a later stage) is silently pulled as the image `x:latest`, from whoever owns that name on Docker Hub.',
  remediation: 'Point --from at an earlier stage (`FROM … AS build` above it), or at a pinned image (`--from=nginx:1.27`).',
  references: { hadolint: 'DL3022, DL3023', trivy: 'DS-0006', urls: ['https://github.com/hadolint/hadolint/wiki/DL3022', 'https://github.com/hadolint/hadolint/wiki/DL3023'] },
  examples: {
    bad: [
      { description: 'Typo in the stage name', input: 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n' },
      { description: 'Own stage', input: 'FROM golang:1.22 AS build\nCOPY --from=build /a /b\n' },
    ],
    good: [{ description: 'Earlier stage by name and index, pinned image', input: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=0 /etc/ssl/certs /etc/ssl/certs\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n' }],
  },
};

export const copyFromStage: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const s of input.stages) {
      for (const ins of s.instructions) {
        const from = ins.keyword === 'COPY' ? ins.flags['from'] : undefined;
        if (!from || from.includes('$')) continue;
        const name = from.toLowerCase();
        if (s.from.alias?.toLowerCase() === name || Number(name) === s.index) hits.push(hitAt(input, ins.line, `COPY --from=${from} names its own stage`));
        else if (/^\d+$/.test(name)) {
          if (Number(name) > s.index) hits.push(hitAt(input, ins.line, `COPY --from=${from} names a later stage`));
        } else if (!input.stages.slice(0, s.index).some((p) => p.from.alias?.toLowerCase() === name) && !/[:@]/.test(name)) {
          hits.push(hitAt(input, ins.line, `COPY --from=${from} is not an earlier stage, so it pulls the image ${from}:latest`));
        }
      }
    }
    return hits;
  },
};
