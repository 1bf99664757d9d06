/** K8S-006: seccomp profile is not RuntimeDefault or Localhost. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { effective, eachContainer, getIn, hitAt } from './workload.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

function annotationOk(v: unknown): boolean {
  return v === 'runtime/default' || v === 'docker/default' || (typeof v === 'string' && v.startsWith('localhost/'));
}

/** Without a profile, Kubernetes runs containers Unconfined unless the kubelet's SeccompDefault is on. */
export const seccompProfileCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-006',
    slug: 'seccomp-profile',
    target: 'kubernetes',
    title: 'Seccomp profile is not RuntimeDefault or Localhost',
    severity: 'MEDIUM',
    rationale: 'Seccomp blocks system calls most containers never need (and many kernel exploits use). Kubernetes defaults to Unconfined unless the kubelet enables SeccompDefault, so the profile must be set explicitly.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost` with a reviewed profile) at pod level.',
    references: { cis: '5.22', trivy: 'KSV030', kubesec: 'SeccompAny', pss: 'restricted: Seccomp (baseline forbids Unconfined)', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'Explicitly Unconfined', input: podWith('securityContext:\n  seccompProfile:\n    type: Unconfined') },
        { description: 'Not set', input: podWith('') },
      ],
      good: [{ description: 'RuntimeDefault at pod level', input: podWith('', 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, pod, c) => {
      const p = effective(pod, c, 'seccompProfile');
      const type = getIn(p.value, ['type']);
      if (type === 'RuntimeDefault' || type === 'Localhost') return undefined;
      if (type !== undefined) return hitAt(input, o, `container ${c.name} seccomp profile is ${String(type)}`, [...p.path, 'type'], c);
      const ann = pod.metadata.annotations as Record<string, unknown> | undefined;
      const legacy = ann?.[`${CONTAINER_ANNOTATION}${c.name}`] ?? ann?.[POD_ANNOTATION];
      if (annotationOk(legacy)) return undefined;
      return hitAt(input, o, `container ${c.name} has no seccomp profile (runs Unconfined unless the kubelet default is on)`, p.path, c);
    });
  },
};
