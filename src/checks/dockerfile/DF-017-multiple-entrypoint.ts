/** DF-017: more than one ENTRYPOINT in a stage. */
import { onlyOnePerStage } from './DF-016-multiple-cmd.js';
import type { DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-017',
  slug: 'multiple-entrypoint',
  target: 'dockerfile',
  title: 'Several ENTRYPOINT in one stage',
  severity: 'MEDIUM',
  rationale: 'Only the last ENTRYPOINT of a stage takes effect, so an earlier one (often a wrapper that drops privileges or sets up signals) silently does not run.',
  remediation: 'Keep one ENTRYPOINT per stage; chain setup steps inside one entrypoint script.',
  references: { hadolint: 'DL4004', trivy: 'DS-0007', urls: ['https://github.com/hadolint/hadolint/wiki/DL4004'] },
  examples: {
    bad: [{ description: 'Two ENTRYPOINTs', input: 'FROM debian:12\nENTRYPOINT ["/usr/bin/tini", "--"]\nENTRYPOINT ["/app"]\n' }],
    good: [{ description: 'One ENTRYPOINT', input: 'FROM debian:12\nENTRYPOINT ["/usr/bin/tini", "--", "/app"]\n' }],
  },
};

export const multipleEntrypoint = onlyOnePerStage(meta, 'ENTRYPOINT');
