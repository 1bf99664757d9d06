/** IMG-003: CMD/ENTRYPOINT starts an SSH server. */
import { posix } from 'node:path';
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { containerCommand } from './util.js';

const SSH_DAEMONS = new Set(['sshd', 'dropbear', 'tinysshd']);

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-003',
  slug: 'ssh-started',
  target: 'image',
  title: 'Container starts an SSH server',
  severity: 'HIGH',
  rationale:
    'An image whose command is an SSH daemon is built to be logged into over the network: every container exposes a password or key login, usually with the same baked-in host keys, outside the orchestrator\'s access control.',
  remediation: 'Run the application itself as CMD/ENTRYPOINT; use `docker exec` / `kubectl exec` for interactive access.',
  references: { cis: '5.7' },
  examples: {
    bad: [{ description: 'CMD runs sshd in the foreground', input: exampleImage([], { Cmd: ['/usr/sbin/sshd', '-D'] }) }],
    good: [{ description: 'CMD runs the application', input: exampleImage([], { Cmd: ['/app/server'] }) }],
  },
};

/** True when a word of the command (or of a `sh -c` script) is an SSH daemon. */
function startsSsh(argv: string[]): string | undefined {
  for (const a of argv) {
    for (const w of a.split(/[\s;&|()]+/)) if (SSH_DAEMONS.has(posix.basename(w))) return w;
  }
  return undefined;
}

/** Reports CMD/ENTRYPOINT that start sshd, dropbear or tinysshd (directly or through a shell). */
export const img003SshStarted: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const argv = containerCommand(input);
    const hit = startsSsh(argv);
    return hit ? [{ message: `The container command starts the SSH server ${hit}.`, evidence: JSON.stringify(argv) }] : [];
  },
};
