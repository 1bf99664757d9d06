/** K8S-018: sysctls outside the safe set. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { SAFE_SYSCTLS } from './pss.js';
import { eachPod, getIn, hitAt } from './workload.js';

/** Unsafe sysctls affect the whole node (or are not namespaced at all). */
export const unsafeSysctlsCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-018',
    slug: 'unsafe-sysctls',
    target: 'kubernetes',
    title: 'Pod sets unsafe sysctls',
    severity: 'HIGH',
    rationale: 'Sysctls outside the namespaced "safe" set can change kernel behaviour for every pod on the node or disable security mechanisms (e.g. kernel.* memory and IPC limits, net.* settings that are not per-namespace).',
    remediation: 'Remove the sysctl, or set it on dedicated nodes through node configuration rather than in the pod spec.',
    references: { trivy: 'KSV026', pss: 'baseline: Sysctls', urls: [PSS_URL, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'] },
    examples: {
      bad: [{ description: 'kernel.msgmax', input: podWith('', 'securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"') }],
      good: [{ description: 'A safe sysctl', input: podWith('', 'securityContext:\n  sysctls:\n    - name: net.ipv4.ip_unprivileged_port_start\n      value: "80"') }],
    },
  },
  run(input) {
    return eachPod(input, (o, pod) => {
      const list = getIn(pod.spec, ['securityContext', 'sysctls']);
      if (!Array.isArray(list)) return undefined;
      return list
        .map((s, i) => ({ name: String(getIn(s, ['name'])), i }))
        .filter(({ name }) => !SAFE_SYSCTLS.has(name))
        .map(({ name, i }) => hitAt(input, o, `pod sets unsafe sysctl ${name}`, [...pod.specPath, 'securityContext', 'sysctls', i, 'name']));
    });
  },
};
