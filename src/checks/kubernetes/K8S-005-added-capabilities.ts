/** K8S-005: capabilities added beyond the PSS baseline allow-list. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { BASELINE_CAPABILITIES, normCap } from './pss.js';
import { eachContainer, getIn, hitAt } from './workload.js';

/** Capabilities that amount to root on the node, named in the message. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_RAWIO']);

/** One hit per added capability outside baseline (NET_RAW included: baseline does not allow it). */
export const addedCapabilitiesCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-005',
    slug: 'added-capabilities',
    target: 'kubernetes',
    title: 'Container adds dangerous or non-default capabilities',
    severity: 'HIGH',
    rationale: 'SYS_ADMIN is close to full root (mount, BPF, namespaces); NET_ADMIN rewrites node-visible networking; NET_RAW allows spoofing; ALL grants everything. Pod Security baseline only allows adding capabilities from the runtime default set (without NET_RAW).',
    remediation: 'Remove the capability from `securityContext.capabilities.add`, or run the workload on a dedicated, isolated node pool if it truly needs it.',
    references: { cis: '5.4', trivy: 'KSV005, KSV022', kubesec: 'CapSysAdmin', polaris: 'dangerousCapabilities, insecureCapabilities', pss: 'baseline: Capabilities', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'Adds SYS_ADMIN', input: podWith('securityContext:\n  capabilities:\n    add: ["SYS_ADMIN"]') },
        { description: 'Adds NET_RAW', input: podWith('securityContext:\n  capabilities:\n    add: ["NET_RAW"]') },
      ],
      good: [{ description: 'Adds only NET_BIND_SERVICE after dropping ALL', input: podWith('securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const add = getIn(c.spec, ['securityContext', 'capabilities', 'add']);
      if (!Array.isArray(add)) return undefined;
      return add
        .map((x, i) => ({ cap: normCap(x), i }))
        .filter(({ cap }) => !BASELINE_CAPABILITIES.has(cap))
        .map(({ cap, i }) =>
          hitAt(input, o, `container ${c.name} adds ${DANGEROUS.has(cap) ? 'dangerous ' : 'non-default '}capability ${cap}`, [...c.path, 'securityContext', 'capabilities', 'add', i], c),
        );
    });
  },
};
