/** IMG-012: the image defines no HEALTHCHECK. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-012',
  slug: 'no-healthcheck',
  target: 'image',
  title: 'No HEALTHCHECK',
  severity: 'LOW',
  rationale:
    'Without a HEALTHCHECK the engine only knows whether the process is alive, not whether it works; a hung service keeps receiving traffic and is never restarted. (Kubernetes ignores HEALTHCHECK and uses probes: there, define liveness/readiness probes and suppress this check.)',
  remediation: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>` to the Dockerfile, or define probes in the orchestrator and suppress this check.',
  references: { cis: '4.6', dockle: 'CIS-DI-0006' },
  examples: {
    bad: [
      { description: 'No healthcheck', input: exampleImage([], { Healthcheck: undefined }) },
      { description: 'HEALTHCHECK NONE disables the base image\'s check', input: exampleImage([], { Healthcheck: { Test: ['NONE'] } }) },
    ],
    good: [{ description: 'A healthcheck command', input: exampleImage([], { Healthcheck: { Test: ['CMD', '/app/healthcheck'] } }) }],
  },
};

/** Reports a missing or disabled HEALTHCHECK. */
export const img012NoHealthcheck: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const test = input.config.config?.Healthcheck?.Test;
    if (!test || test.length === 0) return [{ message: 'The image has no HEALTHCHECK.' }];
    if (test[0] === 'NONE') return [{ message: 'The image disables its HEALTHCHECK (HEALTHCHECK NONE).' }];
    return [];
  },
};
