/** IMG-016: image size, wasted bytes and efficiency (Dive's definitions), with the top offenders. */
import type { ImageSpec } from '../../image/writer.js';
import { formatBytes } from '../../shared/progress.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { imageEfficiency } from './waste.js';

const TOP = 10;

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-016',
  slug: 'wasted-space',
  target: 'image',
  title: 'Files overwritten or deleted by later layers (wasted space)',
  severity: 'INFO',
  rationale:
    'Deleting or rewriting a file in a later layer does not shrink the image: the earlier layer still carries the bytes to every pull and every node. Figures follow Dive: wasted bytes are all copies of every path that appears in more than one layer (whiteouts included) and efficiency is Σ smallest copy / Σ all copies. Bulwark also reports the reclaimable bytes, what a rebuild that never wrote the dead copies would save.',
  remediation: 'Create, use and delete temporary files in the same RUN step; clean package caches in the step that fills them; use multi-stage builds to copy only the results into the final image.',
  references: { urls: ['https://github.com/wagoodman/dive#ci-integration'] },
  examples: {
    bad: [
      {
        description: 'A 1 MiB archive downloaded in one layer and deleted in the next',
        input: exampleImage([{ path: 'tmp/build.tar', size: 1048576 }], {}, [{ createdBy: 'RUN rm /tmp/build.tar', files: [{ path: 'tmp/build.tar', type: 'whiteout' }] }]),
      },
    ],
    good: [{ description: 'Each file written once', input: exampleImage([{ path: 'app/server', size: 4096 }], {}, [{ createdBy: 'COPY config.yaml /app/', files: [{ path: 'app/config.yaml', content: 'port: 8080\n' }] }]) }],
  },
};

/** One summary hit when any path is overwritten or deleted by a later layer; evidence lists the top offenders. */
export const img016WastedSpace: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const e = imageEfficiency(input.layers);
    if (e.entries.length === 0) return [];
    const top = e.entries.slice(0, TOP).map((w) => `${w.path}: ${formatBytes(w.reclaimable)} reclaimable (${w.deleted ? 'deleted' : 'overwritten'}; layers ${w.layers.map((l) => l + 1).join(', ')})`);
    const more = e.entries.length > TOP ? [`… and ${e.entries.length - TOP} more paths`] : [];
    return [
      {
        message:
          `Image size ${formatBytes(e.sizeBytes)}: ${e.entries.length} path${e.entries.length === 1 ? '' : 's'} overwritten or deleted by later layers; ` +
          `wasted ${formatBytes(e.wastedBytes)} (${(e.wastedUserPercent * 100).toFixed(1)}% of the non-base layers), efficiency ${(e.efficiency * 100).toFixed(2)}%, ` +
          `${formatBytes(e.reclaimableBytes)} reclaimable.`,
        evidence: [...top, ...more].join('\n'),
      },
    ];
  },
};
