/** hostPath volumes of a pod, and which of them hand over the node (root filesystem, runtime sockets). */
import type { K8sPod, NodePath } from './input.js';
import { getIn } from './workload.js';

/** Paths whose mount is equivalent to root on the node: "/" and container runtime sockets (and their directories). */
const CRITICAL = new Set([
  '/', '/var/run', '/run', '/var/run/docker.sock', '/run/docker.sock', '/var/run/docker', '/var/lib/docker',
  '/run/containerd', '/var/run/containerd', '/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock',
  '/run/crio', '/var/run/crio', '/run/crio/crio.sock', '/var/run/crio/crio.sock', '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
]);

/** Normalises a hostPath ("/var/run//docker.sock/" → "/var/run/docker.sock"). */
export function normHostPath(p: string): string {
  const parts = p.split('/').filter((x) => x && x !== '.');
  return `/${parts.join('/')}`;
}

/** Is mounting this host path as good as root on the node? */
export function isCriticalHostPath(p: string): boolean {
  const n = normHostPath(p);
  return CRITICAL.has(n) || n.endsWith('.sock') && /(docker|containerd|crio|cri-dockerd|podman)/.test(n);
}

/** Every hostPath volume of the pod with its path and node path. */
export function hostPathVolumes(pod: K8sPod): { name: string; hostPath: string; path: NodePath }[] {
  const vols = pod.spec.volumes;
  if (!Array.isArray(vols)) return [];
  const out = [];
  for (const [i, v] of vols.entries()) {
    const hp = getIn(v, ['hostPath', 'path']);
    if (typeof hp === 'string') out.push({ name: String(getIn(v, ['name']) ?? `#${i}`), hostPath: hp, path: [...pod.specPath, 'volumes', i, 'hostPath', 'path'] });
  }
  return out;
}
