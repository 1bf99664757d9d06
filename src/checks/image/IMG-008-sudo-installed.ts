/** IMG-008: sudo (or doas) is installed. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { existingFiles, fileLocation, packagesNamed } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-008',
  slug: 'sudo-installed',
  target: 'image',
  title: 'sudo installed',
  severity: 'MEDIUM',
  rationale:
    'sudo in a container is a built-in privilege escalation path from the unprivileged USER to root (often configured NOPASSWD), and Docker\'s best practices advise against it because of its TTY and signal-forwarding behaviour. Steps that need root belong in the build, before USER.',
  remediation: 'Remove sudo/doas; run privileged build steps before `USER`, and use gosu/su-exec in an entrypoint if a process must drop privileges at start.',
  references: { dockle: 'DKL-DI-0001', urls: ['https://docs.docker.com/build/building/best-practices/#user'] },
  examples: {
    bad: [{ description: 'sudo with a NOPASSWD rule', input: exampleImage([{ path: 'usr/bin/sudo', content: 'sudo binary', mode: 0o4755 }, { path: 'etc/sudoers', content: 'app ALL=(ALL) NOPASSWD: ALL\n', mode: 0o440 }]) }],
    good: [{ description: 'su-exec for dropping privileges', input: exampleImage([{ path: 'sbin/su-exec', content: 'su-exec binary', mode: 0o755 }]) }],
  },
};

/** Reports sudo/doas packages or binaries, noting NOPASSWD rules in sudoers. */
export const img008SudoInstalled: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const pkgs = packagesNamed(input, ['sudo', 'sudo-ldap', 'doas', 'opendoas']);
    const bins = existingFiles(input, ['/usr/bin/sudo', '/bin/sudo', '/usr/bin/doas']);
    if (!pkgs.length && !bins.length) return [];
    const rules = [input.readText('/etc/sudoers'), ...input.collected('/etc/sudoers.d/').map((f) => (f.data.kind === 'text' ? f.data.text : ''))];
    const nopasswd = rules.some((t) => t !== undefined && /^[^#\n]*NOPASSWD/m.test(t));
    const what = pkgs.length ? `package ${pkgs.map((p) => `${p.name} ${p.version}`).join(', ')}` : bins.join(', ');
    const path = bins[0] ?? pkgs[0]?.locations[0]?.path;
    return [{ message: `sudo is installed (${what})${nopasswd ? '; sudoers grants NOPASSWD' : ''}.`, location: path ? fileLocation(input, path) : undefined }];
  },
};
