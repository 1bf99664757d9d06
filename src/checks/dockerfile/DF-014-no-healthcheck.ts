/** DF-014: the final stage has no HEALTHCHECK. */
import type { Check } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { finalStage, hitAt, type DockerfileMeta } from './rule.js';
import { lastInherited } from './stages.js';

const meta: DockerfileMeta = {
  id: 'DF-014',
  slug: 'no-healthcheck',
  target: 'dockerfile',
  title: 'No HEALTHCHECK in the final stage',
  severity: 'LOW',
  rationale: 'Without a HEALTHCHECK, Docker and Swarm only know whether the process exists, not whether it serves: a hung service keeps receiving traffic and is never restarted. `HEALTHCHECK NONE` is accepted as a deliberate choice (for example when Kubernetes probes are used).',
  remediation: 'Add one to the final stage, e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "healthcheck"]`, or state `HEALTHCHECK NONE` when an orchestrator probes the container.',
  references: { cis: '4.6', hadolint: 'DL3057', trivy: 'DS-0026', urls: ['https://docs.docker.com/reference/dockerfile/#healthcheck'] },
  examples: {
    bad: [{ description: 'No health check', input: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' }],
    good: [
      { description: 'Health check in the final stage', input: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\n' },
      { description: 'Deliberately disabled', input: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    ],
  },
};

export const noHealthcheck: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const stage = finalStage(input);
    return lastInherited(input, stage, 'HEALTHCHECK') ? [] : [hitAt(input, stage.from.line, 'the final stage has no HEALTHCHECK')];
  },
};
