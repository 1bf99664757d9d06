/** K8S-009: hostNetwork, hostPID or hostIPC. */
import type { Check, CheckHit } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { eachPod, hitAt } from './workload.js';

const WHY: Record<string, string> = {
  hostNetwork: 'sees and binds every node interface, bypasses NetworkPolicy',
  hostPID: 'sees and signals every process on the node',
  hostIPC: 'shares System V IPC and /dev/shm with the node',
};

/** One hit per shared namespace. */
export const hostNamespacesCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-009',
    slug: 'host-namespaces',
    target: 'kubernetes',
    title: 'Pod shares host network, PID or IPC namespace',
    severity: 'HIGH',
    rationale: 'Sharing a host namespace removes a basic isolation layer: hostPID exposes every process (and their environment) on the node, hostNetwork bypasses NetworkPolicy and reaches node-local services, hostIPC shares shared memory.',
    remediation: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false).',
    references: { cis: '5.10, 5.16, 5.17', trivy: 'KSV008, KSV009, KSV010', kubesec: 'HostNetwork, HostPID, HostIPC', polaris: 'hostNetworkSet, hostPIDSet, hostIPCSet', pss: 'baseline: Host Namespaces', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'hostPID', input: podWith('', 'hostPID: true') }],
      good: [{ description: 'Explicitly off', input: podWith('', 'hostNetwork: false') }],
    },
  },
  run(input) {
    return eachPod(input, (o, pod) => {
      const hits: CheckHit[] = [];
      for (const k of Object.keys(WHY)) {
        if (pod.spec[k] === true) hits.push(hitAt(input, o, `${k} is true: the pod ${WHY[k]}`, [...pod.specPath, k]));
      }
      return hits;
    });
  },
};
