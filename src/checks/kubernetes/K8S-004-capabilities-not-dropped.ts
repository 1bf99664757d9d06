/** K8S-004: capabilities.drop does not include ALL. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { normCap } from './pss.js';
import { eachContainer, getIn, hitAt } from './workload.js';

/** The runtime's default capability set (NET_RAW, SETUID, DAC_OVERRIDE…) is more than most apps need. */
export const capabilitiesNotDroppedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-004',
    slug: 'capabilities-not-dropped',
    target: 'kubernetes',
    title: 'Container does not drop ALL capabilities',
    severity: 'LOW',
    rationale: 'Container runtimes grant a default set of capabilities (including NET_RAW, which allows ARP/DNS spoofing on the pod network). Dropping ALL and adding back only what is needed removes that attack surface.',
    remediation: 'Set `securityContext.capabilities.drop: ["ALL"]` and add back individual capabilities (usually only NET_BIND_SERVICE) if needed.',
    references: { cis: '5.4', trivy: 'KSV003', kubesec: 'CapDropAll', pss: 'restricted: Capabilities', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'Drops only one capability', input: podWith('securityContext:\n  capabilities:\n    drop: ["NET_RAW"]') }],
      good: [{ description: 'Drops ALL', input: podWith('securityContext:\n  capabilities:\n    drop: ["ALL"]') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const drop = getIn(c.spec, ['securityContext', 'capabilities', 'drop']);
      if (Array.isArray(drop) && drop.some((x) => normCap(x) === 'ALL')) return undefined;
      const path = drop !== undefined ? [...c.path, 'securityContext', 'capabilities', 'drop'] : c.spec.securityContext ? [...c.path, 'securityContext'] : c.path;
      return hitAt(input, o, `container ${c.name} does not drop ALL capabilities`, path, c);
    });
  },
};
