/** IMG-015: shells and package managers present (a minimal/distroless image opportunity). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { existingFiles } from './util.js';

const SHELLS = ['/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/bin/ksh', '/bin/busybox', '/usr/bin/bash', '/usr/bin/zsh'];
const PACKAGE_MANAGERS = ['/usr/bin/apt-get', '/usr/bin/apt', '/usr/bin/dpkg', '/sbin/apk', '/usr/bin/apk', '/sbin/apk.static', '/usr/bin/yum', '/usr/bin/dnf', '/usr/bin/dnf5', '/usr/bin/microdnf', '/usr/bin/rpm', '/usr/bin/zypper', '/usr/bin/tdnf'];

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-015',
  slug: 'shells-and-package-managers',
  target: 'image',
  title: 'Shell or package manager present',
  severity: 'INFO',
  rationale:
    'An attacker who gets code execution in a container uses its shell and package manager to explore and install tools. Images that only run one program rarely need either: distroless, scratch or chiselled images remove them and most of the packages scanners report.',
  remediation: 'Consider a multi-stage build that copies the application into a distroless, scratch or minimal base image; keep a debug variant for troubleshooting.',
  references: { cis: '4.3', urls: ['https://github.com/GoogleContainerTools/distroless'] },
  examples: {
    bad: [{ description: 'A shell and apk', input: exampleImage([{ path: 'bin/busybox', content: 'busybox', mode: 0o755 }, { path: 'bin/sh', type: 'symlink', link: '/bin/busybox' }, { path: 'sbin/apk', content: 'apk', mode: 0o755 }]) }],
    good: [{ description: 'Only the application binary', input: exampleImage([{ path: 'app/server', content: 'server', mode: 0o755 }]) }],
  },
};

function dedupe(paths: string[], input: ImageCheckInput): string[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const r = input.resolve(p);
    if (seen.has(r)) return false;
    seen.add(r);
    return true;
  });
}

/** One hit for shells, one for package managers, naming what was found. */
export const img015ShellsAndPackageManagers: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out: CheckHit[] = [];
    const shells = dedupe(existingFiles(input, SHELLS), input);
    const pms = dedupe(existingFiles(input, PACKAGE_MANAGERS), input);
    if (shells.length) out.push({ message: `Shell present: ${shells.join(', ')}.`, location: { path: shells[0] } });
    if (pms.length) out.push({ message: `Package manager present: ${pms.join(', ')}.`, location: { path: pms[0] } });
    return out;
  },
};
