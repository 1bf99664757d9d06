/** K8S-012: hostPath of "/" or a container runtime socket. */
import type { Check } from '../types.js';
import { hostPathVolumes, isCriticalHostPath } from './hostpath.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL } from './meta.js';
import { eachPod, hitAt } from './workload.js';

const pod = (path: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ci\nspec:\n  containers:\n    - name: build\n      image: docker:27\n  volumes:\n    - name: v\n      hostPath:\n        path: ${path}\n`;

/** The docker/containerd socket lets the pod start a privileged container: full node takeover. */
export const hostPathNodeTakeoverCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-012',
    slug: 'host-path-node-takeover',
    target: 'kubernetes',
    title: 'Pod mounts the node root filesystem or a container runtime socket',
    severity: 'CRITICAL',
    rationale: 'Mounting "/" gives the pod every file on the node (kubelet keys, /etc/shadow, other pods\' secrets). Mounting the Docker, containerd or CRI-O socket lets it start a privileged container on the node: both are full node takeover.',
    remediation: 'Remove the volume. For image builds use rootless builders (BuildKit rootless, kaniko); for monitoring use the runtime\'s read-only APIs or a dedicated agent.',
    references: { cis: '5.32', trivy: 'KSV006', kubesec: 'DockerSock', pss: 'baseline: HostPath Volumes', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'The Docker socket', input: pod('/var/run/docker.sock') },
        { description: 'The node root filesystem', input: pod('/') },
      ],
      good: [{ description: 'A narrow, non-runtime path (still K8S-011)', input: pod('/var/log/app') }],
    },
  },
  run(input) {
    return eachPod(input, (o, p) =>
      hostPathVolumes(p)
        .filter((v) => isCriticalHostPath(v.hostPath))
        .map((v) => hitAt(input, o, `volume ${v.name} mounts ${v.hostPath} from the node: full node takeover`, v.path)),
    );
  },
};
