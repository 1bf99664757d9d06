/** K8S-007: AppArmor explicitly unconfined (annotation or securityContext.appArmorProfile). */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { effective, eachContainer, getIn, hitAt } from './workload.js';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** Flags both the GA field (1.30+) and the legacy beta annotation. */
export const apparmorUnconfinedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-007',
    slug: 'apparmor-unconfined',
    target: 'kubernetes',
    title: 'AppArmor profile is Unconfined',
    severity: 'HIGH',
    rationale: 'On AppArmor nodes the runtime confines containers with a default profile that blocks writes to /proc and /sys and mount operations. Setting it to unconfined removes that layer.',
    remediation: 'Remove the unconfined setting; use `appArmorProfile.type: RuntimeDefault` or a `Localhost` profile.',
    references: { cis: '5.2', trivy: 'KSV002', kubesec: 'ApparmorAny', pss: 'baseline: AppArmor', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'Unconfined through the securityContext field', input: podWith('securityContext:\n  appArmorProfile:\n    type: Unconfined') },
        {
          description: 'Unconfined through the legacy annotation',
          input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
        },
      ],
      good: [{ description: 'RuntimeDefault', input: podWith('', 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, pod, c) => {
      const p = effective(pod, c, 'appArmorProfile');
      if (getIn(p.value, ['type']) === 'Unconfined') return hitAt(input, o, `container ${c.name} runs with AppArmor Unconfined`, [...p.path, 'type'], c);
      const key = `${ANNOTATION}${c.name}`;
      if (getIn(pod.metadata, ['annotations', key]) === 'unconfined') {
        return hitAt(input, o, `container ${c.name} runs with AppArmor unconfined (annotation)`, [...pod.metadataPath, 'annotations', key], c);
      }
      return undefined;
    });
  },
};
