/** K8S-017: automountServiceAccountToken not false. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { podWith } from './meta.js';
import { eachPod, hitAt } from './workload.js';

/**
 * The pod setting wins; when unset, a ServiceAccount in the same file with
 * `automountServiceAccountToken: false` counts as opted out.
 */
export const automountServiceAccountTokenCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-017',
    slug: 'automount-service-account-token',
    target: 'kubernetes',
    title: 'Service account token is mounted automatically',
    severity: 'LOW',
    rationale: 'Every pod gets an API token for its service account by default. Most applications never call the Kubernetes API; for them the token only helps an attacker who gets code execution to explore or attack the cluster.',
    remediation: 'Set `automountServiceAccountToken: false` on the pod (or its ServiceAccount) unless the workload calls the API.',
    references: { trivy: 'KSV036', polaris: 'automountServiceAccountToken', urls: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'] },
    examples: {
      bad: [{ description: 'Not set', input: podWith('') }],
      good: [
        { description: 'Opted out on the pod', input: podWith('', 'automountServiceAccountToken: false') },
        {
          description: 'Opted out on its ServiceAccount in the same file',
          input: `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n---\n${podWith('', 'serviceAccountName: web')}`,
        },
      ],
    },
  },
  run(input) {
    const optedOut = new Set(
      input.objects.filter((o) => o.kind === 'ServiceAccount' && o.value.automountServiceAccountToken === false).map((o) => `${o.namespace ?? ''}/${o.name}`),
    );
    return eachPod(input, (o, pod) => {
      const v = pod.spec.automountServiceAccountToken;
      if (v === false) return undefined;
      const sa = typeof pod.spec.serviceAccountName === 'string' ? pod.spec.serviceAccountName : 'default';
      if (v === undefined && optedOut.has(`${o.namespace ?? ''}/${sa}`)) return undefined;
      const path = v === undefined ? pod.specPath : [...pod.specPath, 'automountServiceAccountToken'];
      return hitAt(input, o, `pod mounts the ${sa} service account token (automountServiceAccountToken is ${v === undefined ? 'not set' : String(v)})`, path);
    });
  },
};
