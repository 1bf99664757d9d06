/** K8S-019: procMount Unmasked. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { containerField, eachContainer, hitAt } from './workload.js';

/** Any value other than Default counts (only Unmasked exists today). */
export const procMountUnmaskedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-019',
    slug: 'proc-mount-unmasked',
    target: 'kubernetes',
    title: '/proc is mounted unmasked',
    severity: 'HIGH',
    rationale: 'The runtime masks sensitive /proc paths (/proc/kcore, /proc/sysrq-trigger, /proc/keys…) and mounts others read-only. procMount: Unmasked removes that protection and exposes host kernel information and controls.',
    remediation: 'Remove `securityContext.procMount` or set it to Default.',
    references: { trivy: 'KSV027', pss: 'baseline: /proc Mount Type', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'Unmasked', input: podWith('securityContext:\n  procMount: Unmasked') }],
      good: [{ description: 'Default', input: podWith('securityContext:\n  procMount: Default') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const f = containerField(c, 'procMount');
      if (f.value === undefined || f.value === null || f.value === 'Default') return undefined;
      return hitAt(input, o, `container ${c.name} mounts /proc ${String(f.value)}`, f.path, c);
    });
  },
};
