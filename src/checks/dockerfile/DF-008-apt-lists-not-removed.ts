/** DF-008: apt-get install without removing /var/lib/apt/lists in the same RUN. */
import type { Check, CheckHit } from '../types.js';
import { argsOf, program } from './commands.js';
import type { DockerfileCheckInput } from './input.js';
import { isAptInstall } from './packages.js';
import { hitAt, type DockerfileMeta } from './rule.js';
import { cacheMounted, shippingStages } from './stages.js';

const meta: DockerfileMeta = {
  id: 'DF-008',
  slug: 'apt-lists-not-removed',
  target: 'dockerfile',
  title: 'apt lists are left in the image',
  severity: 'LOW',
  rationale:
    'apt-get update downloads package indexes (tens of MB) into /var/lib/apt/lists. Unless they are removed in the same RUN they stay in that layer forever, and stale indexes in the image invite later installs of outdated packages. Only stages that end up in the image (the final stage and the stages it is built FROM) are checked, so builder stages do not add noise.',
  remediation: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or use a cache mount: `RUN --mount=type=cache,target=/var/lib/apt/lists …`.',
  references: { hadolint: 'DL3009', urls: ['https://github.com/hadolint/hadolint/wiki/DL3009'] },
  examples: {
    bad: [{ description: 'Lists stay in the layer', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' }],
    good: [
      { description: 'Lists removed in the same RUN', input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n' },
      { description: 'Builder stage is not shipped', input: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /out /out\n' },
    ],
  },
};

export const aptListsNotRemoved: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    const shipped = shippingStages(input);
    for (const ins of input.instructions) {
      if (!shipped.has(ins.stage) || !ins.commands || cacheMounted(ins, '/var/lib/apt')) continue;
      const install = ins.commands.find(isAptInstall);
      const cleaned = ins.commands.some((c) => program(c) === 'rm' && argsOf(c).some((a) => a.startsWith('/var/lib/apt/lists')));
      if (install && !cleaned) hits.push(hitAt(input, install.line, 'apt-get install without `rm -rf /var/lib/apt/lists/*` in the same RUN'));
    }
    return hits;
  },
};
