/** IMG-001: the image runs as root (no USER, or a USER that is uid 0). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { runAsUser } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-001',
  slug: 'root-user',
  target: 'image',
  title: 'Image runs as root',
  severity: 'MEDIUM',
  rationale:
    'A container whose process runs as uid 0 is one kernel or runtime bug away from root on the host, and can read and change everything in its own filesystem. Most services need no root privileges at run time.',
  remediation: 'Create an unprivileged user in the image and end the Dockerfile with `USER <name or uid>` (a numeric uid lets Kubernetes verify runAsNonRoot).',
  references: { cis: '4.1', dockle: 'CIS-DI-0001', trivy: 'DS002', hadolint: 'DL3002' },
  examples: {
    bad: [
      { description: 'No USER in the image config', input: exampleImage([], { User: '' }) },
      { description: 'USER names an account with uid 0', input: exampleImage([{ path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n' }], { User: 'toor' }) },
    ],
    good: [{ description: 'A numeric non-root USER', input: exampleImage([], { User: '10001:10001' }) }],
  },
};

/** Reports an image whose configured user is root. */
export const img001RootUser: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const u = runAsUser(input);
    return u.root ? [{ message: `The container runs as root: ${u.why}.`, evidence: u.user ? `User: ${u.user}` : 'User: (unset)' }] : [];
  },
};
