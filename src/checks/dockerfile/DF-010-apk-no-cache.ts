/** DF-010: apk add without --no-cache. */
import type { Check, CheckHit } from '../types.js';
import { argsOf, hasOption, program } from './commands.js';
import type { DockerfileCheckInput } from './input.js';
import { apkSubcommand } from './packages.js';
import { hitAt, type DockerfileMeta } from './rule.js';
import { cacheMounted, shippingStages } from './stages.js';

const meta: DockerfileMeta = {
  id: 'DF-010',
  slug: 'apk-no-cache',
  target: 'dockerfile',
  title: 'apk add keeps its index cache',
  severity: 'LOW',
  rationale: '`apk add` without `--no-cache` leaves the package index in /var/cache/apk in the layer: dead weight that also records what the image could still install. Only shipped stages are checked.',
  remediation: 'Use `apk add --no-cache pkg` (it also makes `apk update` unnecessary), or remove /var/cache/apk/* in the same RUN.',
  references: { hadolint: 'DL3019', trivy: 'DS-0025', urls: ['https://github.com/hadolint/hadolint/wiki/DL3019'] },
  examples: {
    bad: [{ description: 'Cache left behind', input: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r0\n' }],
    good: [{ description: 'No cache', input: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n' }],
  },
};

export const apkNoCache: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    const shipped = shippingStages(input);
    for (const ins of input.instructions) {
      if (!shipped.has(ins.stage) || !ins.commands || cacheMounted(ins, '/var/cache/apk') || cacheMounted(ins, '/etc/apk/cache')) continue;
      const cleaned = ins.commands.some((c) => program(c) === 'rm' && argsOf(c).some((a) => a.startsWith('/var/cache/apk')));
      for (const c of ins.commands) {
        if (apkSubcommand(c) === 'add' && !hasOption(argsOf(c), [], ['--no-cache']) && !cleaned) hits.push(hitAt(input, c.line, 'apk add without --no-cache'));
      }
    }
    return hits;
  },
};
