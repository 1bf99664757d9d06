/** IMG-018: the OS point release is behind the newest of its release series (e.g. Alpine 3.20.1 when 3.20.7 exists). */
import { compareDotted, eolStatus } from '../../distro/eol.js';
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import type { ImageCheckInput } from './input.js';

function debian(version: string): ImageSpec {
  return {
    layers: [{ createdBy: 'ADD rootfs.tar /', files: [{ path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' }, { path: 'etc/debian_version', content: `${version}\n` }] }],
    config: { User: '1000' },
  };
}

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-018',
  slug: 'outdated-point-release',
  target: 'image',
  title: 'OS point release is behind its series',
  severity: 'LOW',
  rationale:
    'A point release (Debian 12.1, Alpine 3.20.1, Rocky 9.2) is a snapshot of security and bug fixes; an image still at an early one has not been rebuilt or upgraded since, and carries every fix released after it as an open vulnerability. The table of latest point releases is a lower bound, so an image newer than the table is never reported. End-of-life releases are reported by IMG-017 instead.',
  remediation: 'Rebuild from the current tag of the base image (docker pull / --pull), or upgrade packages during the build; pin base images by digest and let a bot (Renovate, Dependabot) update the digest.',
  references: { cis: '4.4' },
  examples: {
    bad: [{ description: 'Debian 12.1 when 12.12 exists', input: debian('12.1') }],
    good: [{ description: 'Debian 12.12', input: debian('12.12') }],
  },
};

/** Reports a supported release whose point version is older than the table's latest for its series. */
export const img018OutdatedPointRelease: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const s = eolStatus(input.os, input.now);
    if (s.state !== 'supported' || !s.release?.latest || !input.os) return [];
    const v = input.os.version;
    if (!/^\d+(\.\d+)+$/.test(v) || compareDotted(v, s.release.latest) >= 0) return [];
    return [{ message: `${s.distro} ${v} is behind the latest point release of its series, ${s.release.latest}.`, location: { path: '/etc/os-release' } }];
  },
};
