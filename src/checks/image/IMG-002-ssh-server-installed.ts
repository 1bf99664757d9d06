/** IMG-002: an SSH server (OpenSSH, Dropbear, TinySSH) is installed. */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { existingFiles, fileLocation, packagesNamed } from './util.js';

export const SSH_SERVER_PACKAGES = ['openssh-server', 'openssh-server-pam', 'dropbear', 'dropbear-bin', 'tinysshd', 'tinyssh'];
export const SSH_SERVER_BINARIES = ['/usr/sbin/sshd', '/usr/sbin/dropbear', '/usr/bin/dropbear', '/usr/sbin/tinysshd'];

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-002',
  slug: 'ssh-server-installed',
  target: 'image',
  title: 'SSH server installed',
  severity: 'MEDIUM',
  rationale:
    'Containers are managed through the runtime (docker exec, kubectl exec); an SSH server adds a network-facing daemon, host keys and credentials to manage, and a way in that bypasses the orchestrator\'s access control and audit.',
  remediation: 'Remove the SSH server package (openssh-server, dropbear) from the image and use `docker exec` / `kubectl exec` or an ephemeral debug container instead.',
  references: { cis: '5.7', urls: ['https://docs.docker.com/engine/security/#other-kernel-security-features'] },
  examples: {
    bad: [{ description: 'The sshd binary is present', input: exampleImage([{ path: 'usr/sbin/sshd', content: 'sshd binary', mode: 0o755 }]) }],
    good: [{ description: 'Only the SSH client is installed', input: exampleImage([{ path: 'usr/bin/ssh', content: 'ssh binary', mode: 0o755 }]) }],
  },
};

/** Reports SSH server packages, or sshd/dropbear binaries when no package owns them. */
export const img002SshServerInstalled: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const pkgs = packagesNamed(input, SSH_SERVER_PACKAGES);
    if (pkgs.length) {
      return pkgs.map((p) => ({
        message: `SSH server package ${p.name} ${p.version} is installed.`,
        location: { path: p.locations[0]?.path, layer: p.locations[0]?.layerIndex },
      }));
    }
    return existingFiles(input, SSH_SERVER_BINARIES).map((path) => ({ message: `SSH server binary ${path} is present.`, location: fileLocation(input, path) }));
  },
};
