/** K8S-016: image not pinned by digest. */
import type { Check } from '../types.js';
import { parseImageRef } from './image-ref.js';
import type { KubernetesCheckInput } from './input.js';
import { eachContainer, hitAt } from './workload.js';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

/** Reported only for images with a real tag; untagged and latest are K8S-015's. */
export const imageNotPinnedCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-016',
    slug: 'image-not-pinned',
    target: 'kubernetes',
    title: 'Image is not pinned by digest',
    severity: 'LOW',
    rationale: 'Tags are mutable: whoever can push to the repository can change what `app:2.4.1` means. Only a digest guarantees that every node runs the image that was scanned and approved.',
    remediation: 'Append the digest: `image: app:2.4.1@sha256:<digest>` (tools like crane, skopeo or renovate can keep it current).',
    references: { cis: '4.2', urls: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'] },
    examples: {
      bad: [{ description: 'Tag only', input: pod('nginx:1.27.3') }],
      good: [{ description: 'Tag and digest', input: pod(`nginx:1.27.3@sha256:${'0f'.repeat(32)}`) }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      if (typeof c.spec.image !== 'string') return undefined;
      const ref = parseImageRef(c.spec.image.trim());
      if (ref.digest || !ref.tag || ref.tag === 'latest') return undefined;
      return hitAt(input, o, `container ${c.name} image ${c.spec.image} is not pinned by digest`, [...c.path, 'image'], c);
    });
  },
};
