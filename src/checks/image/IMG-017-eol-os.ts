/** IMG-017: the OS release is past its end of life (from the EOL table in src/distro/eol-data.ts). */
import { eolStatus } from '../../distro/eol.js';
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import type { ImageCheckInput } from './input.js';

function alpine(version: string): ImageSpec {
  return { layers: [{ createdBy: 'ADD rootfs.tar /', files: [{ path: 'etc/os-release', content: `ID=alpine\nVERSION_ID=${version}\n` }, { path: 'etc/alpine-release', content: `${version}\n` }] }], config: { User: '1000' } };
}

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-017',
  slug: 'eol-os',
  target: 'image',
  title: 'Operating system release is end-of-life',
  severity: 'HIGH',
  rationale:
    'After its end of life a release gets no security updates: new vulnerabilities stay unfixed, and vulnerability databases often stop tracking it, so scanners under-report. Dates come from a table kept as data (src/distro/eol-data.ts); for Debian the end of Debian LTS counts, for Ubuntu the end of standard support (ESM needs an Ubuntu Pro subscription).',
  remediation: 'Rebuild on a supported release of the distribution (or a maintained minimal base image) and keep rebuilding as releases reach end of life.',
  references: { cis: '4.4', urls: ['https://endoflife.date/'] },
  examples: {
    bad: [{ description: 'Alpine 3.10 (end of life 2021-05-01)', input: alpine('3.10.9') }],
    good: [{ description: 'Alpine 3.23 (supported until 2027-11-01)', input: alpine('3.23.3') }],
  },
};

/** Reports an OS release whose end of free security support has passed. */
export const img017EolOs: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const s = eolStatus(input.os, input.now);
    if (s.state !== 'eol' || !s.release || !input.os) return [];
    const ext = s.release.extendedEol && s.release.extendedEol > input.now.toISOString().slice(0, 10) ? `; paid extended support runs until ${s.release.extendedEol}` : '';
    const latest = s.release.latest ? ` (last point release ${s.release.latest})` : '';
    return [
      {
        message: `${s.distro} ${s.cycle}${latest} reached end of life on ${s.release.eol}, ${-s.daysLeft!} days ago${ext}.`,
        location: { path: '/etc/os-release' },
        evidence: `${input.os.prettyName ?? input.os.name ?? input.os.family} version ${input.os.version}`,
      },
    ];
  },
};
