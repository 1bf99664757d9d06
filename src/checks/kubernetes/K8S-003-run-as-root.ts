/** K8S-003: may run as root (runAsNonRoot not true, or runAsUser 0). */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { effective, eachContainer, hitAt } from './workload.js';

/** Container settings override pod settings; an explicit non-zero runAsUser counts as non-root. */
export const runAsRootCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-003',
    slug: 'run-as-root',
    target: 'kubernetes',
    title: 'Container may run as root',
    severity: 'MEDIUM',
    rationale: 'A process running as UID 0 inside the container is root on the node if it escapes, and can modify anything in its own filesystem. Unless `runAsNonRoot: true` (or a non-zero `runAsUser`) is set, the image decides, and most images default to root.',
    remediation: 'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` at pod or container level; never `runAsUser: 0`.',
    references: { cis: '4.1', trivy: 'KSV012, KSV105', kubesec: 'RunAsNonRoot, RunAsUser', polaris: 'runAsRootAllowed', pss: 'restricted: Running as Non-root, Running as Non-root user', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'No user settings: the image decides', input: podWith('') },
        { description: 'Pod says non-root, container overrides with UID 0', input: podWith('securityContext:\n  runAsUser: 0', 'securityContext:\n  runAsNonRoot: true') },
      ],
      good: [
        { description: 'runAsNonRoot at pod level', input: podWith('', 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001') },
        { description: 'Explicit non-root UID on the container', input: podWith('securityContext:\n  runAsUser: 10001') },
      ],
    },
  },
  run(input) {
    return eachContainer(input, (o, pod, c) => {
      const user = effective(pod, c, 'runAsUser');
      if (user.value === 0) return hitAt(input, o, `container ${c.name} runs as UID 0 (runAsUser: 0)`, user.path, c);
      if (typeof user.value === 'number' && user.value > 0) return undefined;
      const nonRoot = effective(pod, c, 'runAsNonRoot');
      if (nonRoot.value === true) return undefined;
      return hitAt(input, o, `container ${c.name} may run as root: runAsNonRoot is not true and no non-zero runAsUser is set`, nonRoot.path, c);
    });
  },
};
