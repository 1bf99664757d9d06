/** IMG-020: a registry reference is not pinned by digest. */
import type { Check, CheckMeta } from '../types.js';
import { exampleImage, type ImageExample } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { parseReference } from './reference.js';

const meta: CheckMeta<ImageExample> = {
  id: 'IMG-020',
  slug: 'no-digest-pin',
  target: 'image',
  title: 'Image reference not pinned by digest',
  severity: 'INFO',
  rationale:
    'Tags are mutable: the registry (or anyone who can push) can point a version tag at different content. Only a digest (`@sha256:…`) names exactly the image that was scanned. Local archives and layouts are fixed files and are not reported.',
  remediation: 'Deploy by digest (`app:1.4.2@sha256:…`); keep the tag for readability and let Renovate/Dependabot update the digest.',
  references: { cis: '4.2', urls: ['https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier'] },
  examples: {
    bad: [{ description: 'A version tag only', input: { ...exampleImage([]), registry: true, reference: 'ghcr.io/acme/app:1.4.2' } }],
    good: [{ description: 'Pinned by digest', input: { ...exampleImage([]), registry: true, reference: 'ghcr.io/acme/app:1.4.2@sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d' } }],
  },
};

/** Reports a registry reference without @sha256:… . */
export const img020NoDigestPin: Check<ImageCheckInput> = {
  meta,
  run(input) {
    if (input.sourceKind !== 'registry' || parseReference(input.reference).digest) return [];
    const pin = input.manifestDigest ? ` (it currently resolves to ${input.manifestDigest})` : '';
    return [{ message: `${input.reference} is not pinned by digest${pin}.`, evidence: input.reference }];
  },
};
