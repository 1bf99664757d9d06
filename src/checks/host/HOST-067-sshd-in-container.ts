/** HOST-067 (CIS 5.7): sshd as the container's command. */
import { CIS_URL, container, runtimeCheck } from './meta.js';

function words(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s+/) : [];
}

/** Without exec into the container, only the command line can be seen: sshd started by a supervisor is missed. */
export const sshdInContainerCheck = runtimeCheck({
  id: 'HOST-067',
  slug: 'sshd-in-container',
  title: 'Container runs an SSH server',
  severity: 'LOW',
  rationale: 'An SSH daemon in a container adds credentials to manage and a network service to attack, and bypasses the audited `docker exec` path.',
  remediation: 'Remove sshd from the image; use `docker exec` (or `kubectl exec`) for debugging.',
  references: { cis: '5.7', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'sshd -D', input: container({}, { Path: '/usr/sbin/sshd', Args: ['-D'] }) }],
    good: [{ description: 'An application', input: container({}, { Path: '/app/server', Args: [] }) }],
  },
  test(c) {
    const cmd = [c.Path, ...words(c.Args), ...words(c.Config?.Entrypoint), ...words(c.Config?.Cmd)].map(String);
    return cmd.some((w) => /(^|\/)sshd$/.test(w)) ? 'runs sshd' : undefined;
  },
});
