/** K8S-015: image tagged latest or untagged (and not pinned by digest). */
import type { Check } from '../types.js';
import { parseImageRef } from './image-ref.js';
import type { KubernetesCheckInput } from './input.js';
import { eachContainer, hitAt } from './workload.js';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

/** A digest overrides the tag, so `app:latest@sha256:…` is not reported. */
export const imageLatestTagCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-015',
    slug: 'image-latest-tag',
    target: 'kubernetes',
    title: 'Image uses the latest tag or no tag',
    severity: 'MEDIUM',
    rationale: '`latest` (implied when no tag is given) moves: each node may run a different image, rollbacks do not roll back, and a compromised registry push reaches the cluster at the next restart.',
    remediation: 'Use an explicit version tag, ideally with its digest (`image: nginx:1.27.3@sha256:…`).',
    references: { trivy: 'KSV013', polaris: 'tagNotSpecified', urls: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'] },
    examples: {
      bad: [
        { description: 'No tag', input: pod('nginx') },
        { description: 'latest', input: pod('registry.example.com:5000/team/app:latest') },
      ],
      good: [{ description: 'Version tag', input: pod('registry.example.com:5000/team/app:2.4.1') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      if (typeof c.spec.image !== 'string') return undefined;
      const ref = parseImageRef(c.spec.image.trim());
      if (ref.digest) return undefined;
      if (ref.tag && ref.tag !== 'latest') return undefined;
      const what = ref.tag ? 'the latest tag' : 'no tag (implies latest)';
      return hitAt(input, o, `container ${c.name} image ${c.spec.image} uses ${what}`, [...c.path, 'image'], c);
    });
  },
};
