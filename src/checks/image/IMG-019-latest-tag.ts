/** IMG-019: the image is referenced by the `latest` tag or by no tag at all. */
import type { Check, CheckMeta } from '../types.js';
import { exampleImage, type ImageExample } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { parseReference } from './reference.js';

const meta: CheckMeta<ImageExample> = {
  id: 'IMG-019',
  slug: 'latest-tag',
  target: 'image',
  title: 'Image referenced by the latest tag',
  severity: 'LOW',
  rationale:
    '`latest` (which is also what a reference without a tag means) moves with every push: two pulls of the same reference can run different software, a rollback cannot name the previous version, and a scan result says nothing about what runs tomorrow. For archives and layouts, the tags recorded in the archive are checked.',
  remediation: 'Reference a version tag (and ideally a digest): `app:1.4.2@sha256:…`; tag releases with their version when pushing.',
  references: { dockle: 'DKL-DI-0006', hadolint: 'DL3007', trivy: 'DS001' },
  examples: {
    bad: [
      { description: 'No tag (means latest)', input: { ...exampleImage([]), registry: true, reference: 'registry.example.com/team/app' } },
      { description: 'A docker archive saved as app:latest', input: { ...exampleImage([]), repoTag: 'app:latest' } },
    ],
    good: [
      { description: 'A version tag', input: { ...exampleImage([]), registry: true, reference: 'registry.example.com/team/app:1.4.2' } },
      { description: 'latest, pinned by digest', input: { ...exampleImage([]), registry: true, reference: 'app:latest@sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d' } },
    ],
  },
};

/** Reports a registry reference with no tag or `latest` (and no digest), or an archive tagged only `latest`. */
export const img019LatestTag: Check<ImageCheckInput> = {
  meta,
  run(input) {
    if (input.sourceKind === 'registry') {
      const r = parseReference(input.reference);
      if (r.digest) return [];
      if (!r.tag) return [{ message: `${input.reference} has no tag, so it means ${input.reference}:latest.`, evidence: input.reference }];
      if (r.tag === 'latest') return [{ message: `${input.reference} uses the latest tag.`, evidence: input.reference }];
      return [];
    }
    const tags = input.repoTags.filter((t) => t.includes(':'));
    if (tags.length && tags.every((t) => t.endsWith(':latest'))) return [{ message: `The archive is tagged only ${tags.join(', ')}.`, evidence: tags.join(', ') }];
    return [];
  },
};
