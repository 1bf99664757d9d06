/** K8S-001: privileged containers. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { containerField, eachContainer, hitAt } from './workload.js';

/** A privileged container has every capability and all host devices: it is root on the node. */
export const privilegedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-001',
    slug: 'privileged',
    target: 'kubernetes',
    title: 'Container runs privileged',
    severity: 'CRITICAL',
    rationale: 'A privileged container gets all Linux capabilities, every host device and no seccomp/AppArmor confinement. Escaping to the node is trivial (mount the host disk, load a kernel module).',
    remediation: 'Remove `securityContext.privileged: true`; add only the specific capabilities the workload needs.',
    references: { cis: '5.5', trivy: 'KSV017', kubesec: 'Privileged', polaris: 'runAsPrivileged', pss: 'baseline: Privileged Containers', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'A privileged container', input: podWith('securityContext:\n  privileged: true') }],
      good: [{ description: 'Privileged explicitly off', input: podWith('securityContext:\n  privileged: false') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const f = containerField(c, 'privileged');
      if (f.value === true) return hitAt(input, o, `container ${c.name} runs privileged`, f.path, c);
      return undefined;
    });
  },
};
