/** K8S-008: SELinux options that escape the container domain (spc_t, unconfined_t, custom user/role). */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { SELINUX_TYPES } from './pss.js';
import { effective, eachContainer, getIn, hitAt } from './workload.js';

/** spc_t ("super privileged container") is unconfined by SELinux. */
export const selinuxUnconfinedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-008',
    slug: 'selinux-unconfined',
    target: 'kubernetes',
    title: 'SELinux type or user/role escapes container confinement',
    severity: 'HIGH',
    rationale: 'On SELinux nodes, containers run as container_t and cannot touch host files. spc_t and unconfined_t lift that confinement; a custom SELinux user or role can grant arbitrary domains.',
    remediation: 'Remove `seLinuxOptions.type` (or use container_t / container_init_t / container_kvm_t) and do not set `seLinuxOptions.user` or `role`.',
    references: { cis: '5.3', trivy: 'KSV025', pss: 'baseline: SELinux', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'spc_t', input: podWith('securityContext:\n  seLinuxOptions:\n    type: spc_t') }],
      good: [{ description: 'Only an MCS level', input: podWith('securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, pod, c) => {
      const p = effective(pod, c, 'seLinuxOptions');
      const hits = [];
      const type = getIn(p.value, ['type']);
      if (type !== undefined && !SELINUX_TYPES.has(String(type))) hits.push(hitAt(input, o, `container ${c.name} runs with SELinux type ${String(type)}`, [...p.path, 'type'], c));
      for (const k of ['user', 'role']) {
        const v = getIn(p.value, [k]);
        if (v !== undefined && v !== '') hits.push(hitAt(input, o, `container ${c.name} sets SELinux ${k} ${String(v)}`, [...p.path, k], c));
      }
      return hits;
    });
  },
};
