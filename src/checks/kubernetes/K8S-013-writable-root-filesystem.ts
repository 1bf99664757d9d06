/** K8S-013: readOnlyRootFilesystem not true. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { podWith } from './meta.js';
import { containerField, eachContainer, hitAt } from './workload.js';

/** Ephemeral containers are skipped: they are debugging aids, not part of the workload. */
export const writableRootFilesystemCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-013',
    slug: 'writable-root-filesystem',
    target: 'kubernetes',
    title: 'Root filesystem is writable',
    severity: 'LOW',
    rationale: 'A writable root filesystem lets an attacker drop tools, modify binaries and persist inside the container. A read-only root with explicit emptyDir mounts for scratch space makes tampering visible and harder.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true`; mount emptyDir volumes where the application writes (e.g. /tmp).',
    references: { cis: '5.13', trivy: 'KSV014', kubesec: 'ReadOnlyRootFilesystem', polaris: 'notReadOnlyRootFilesystem' },
    examples: {
      bad: [{ description: 'Not set', input: podWith('') }],
      good: [{ description: 'Read-only root', input: podWith('securityContext:\n  readOnlyRootFilesystem: true') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      if (c.role === 'ephemeralContainer') return undefined;
      const f = containerField(c, 'readOnlyRootFilesystem');
      if (f.value === true) return undefined;
      return hitAt(input, o, `container ${c.name} has a writable root filesystem`, f.path, c);
    });
  },
};
