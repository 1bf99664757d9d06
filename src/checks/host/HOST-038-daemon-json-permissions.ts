/** HOST-038 (CIS 3.17, 3.18): daemon.json ownership and mode. */
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** Applies to /etc/docker/daemon.json only (a custom --config-file is not followed). */
export const daemonJsonPermissionsCheck = fileCheck({
  id: 'HOST-038',
  slug: 'daemon-json-permissions',
  title: 'daemon.json is not root:root with mode 644 or stricter',
  severity: 'MEDIUM',
  rationale: 'daemon.json configures dockerd, which runs as root: whoever can write it can expose the API on TCP, add insecure registries or disable seccomp.',
  remediation: 'chown root:root /etc/docker/daemon.json && chmod 644 /etc/docker/daemon.json.',
  references: { cis: '3.17, 3.18', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'Group-writable', input: oneFile('/etc/docker/daemon.json', '0664', { content: '{}' }) }],
    good: [{ description: 'root:root 0644', input: oneFile('/etc/docker/daemon.json', '0644', { content: '{}' }) }],
  },
  group: 'root',
  maxMode: 0o644,
  paths: () => ['/etc/docker/daemon.json'],
});
