/** K8S-011: hostPath volumes (other than the root filesystem and runtime sockets, see K8S-012). */
import type { Check } from '../types.js';
import { hostPathVolumes, isCriticalHostPath } from './hostpath.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL } from './meta.js';
import { eachPod, hitAt } from './workload.js';

const pod = (vol: string) =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: agent:1.0\n      volumes:\n        - name: v\n${vol.replace(/^/gm, '          ')}\n`;

/** Any hostPath gives the pod node files; K8S-012 reports the ones that amount to root. */
export const hostPathCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-011',
    slug: 'host-path',
    target: 'kubernetes',
    title: 'Pod mounts a hostPath volume',
    severity: 'HIGH',
    rationale: 'hostPath volumes expose node files to the pod: logs of other pods, kubelet credentials, host configuration. Writable mounts let a compromised pod plant files on the node.',
    remediation: 'Use emptyDir, configMap, secret, projected or persistent volumes instead; if node access is unavoidable, mount the narrowest path read-only on a dedicated node pool.',
    references: { cis: '5.6', trivy: 'KSV023', pss: 'baseline: HostPath Volumes', urls: [PSS_URL] },
    examples: {
      bad: [{ description: 'Mounts /var/log from the node', input: pod('hostPath:\n  path: /var/log') }],
      good: [{ description: 'emptyDir', input: pod('emptyDir: {}') }],
    },
  },
  run(input) {
    return eachPod(input, (o, p) =>
      hostPathVolumes(p)
        .filter((v) => !isCriticalHostPath(v.hostPath))
        .map((v) => hitAt(input, o, `volume ${v.name} mounts host path ${v.hostPath}`, v.path)),
    );
  },
};
