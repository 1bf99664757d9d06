/** K8S-014: no CPU or memory limit. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { podWith } from './meta.js';
import { eachContainer, getIn, hitAt } from './workload.js';

/** Ephemeral containers cannot have resources and are skipped. */
export const missingResourceLimitsCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-014',
    slug: 'missing-resource-limits',
    target: 'kubernetes',
    title: 'Container has no CPU or memory limit',
    severity: 'MEDIUM',
    rationale: 'Without limits one container can exhaust its node\'s memory or CPU (a leak, a fork bomb, a compromised crypto-miner), starving or evicting every other pod there.',
    remediation: 'Set `resources.limits.memory` and `resources.limits.cpu` (and requests), or enforce defaults with a LimitRange in the namespace.',
    references: { cis: '5.11, 5.12', trivy: 'KSV011, KSV018', kubesec: 'LimitsCPU, LimitsMemory', polaris: 'cpuLimitsMissing, memoryLimitsMissing' },
    examples: {
      bad: [{ description: 'Memory limit only', input: podWith('resources:\n  limits:\n    memory: 256Mi') }],
      good: [{ description: 'Both limits', input: podWith('resources:\n  limits:\n    cpu: 500m\n    memory: 256Mi') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      if (c.role === 'ephemeralContainer') return undefined;
      const missing = ['cpu', 'memory'].filter((k) => {
        const v = getIn(c.spec, ['resources', 'limits', k]);
        return v === undefined || v === null || v === '' || v === 0 || v === '0';
      });
      if (!missing.length) return undefined;
      const path = getIn(c.spec, ['resources', 'limits']) ? [...c.path, 'resources', 'limits'] : c.spec.resources ? [...c.path, 'resources'] : c.path;
      return hitAt(input, o, `container ${c.name} has no ${missing.join(' or ')} limit`, path, c);
    });
  },
};
