/** HOST-032 (CIS 3.5, 3.6): /etc/docker ownership and mode. */
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** The directory holds daemon.json, TLS keys and registry certificates. */
export const etcDockerPermissionsCheck = fileCheck({
  id: 'HOST-032',
  slug: 'etc-docker-permissions',
  title: '/etc/docker is not root:root with mode 755 or stricter',
  severity: 'MEDIUM',
  rationale: '/etc/docker holds the daemon configuration, TLS keys and registry CA certificates; a writable directory lets other users replace any of them.',
  remediation: 'chown root:root /etc/docker && chmod 755 /etc/docker.',
  references: { cis: '3.5, 3.6', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'Group-writable', input: oneFile('/etc/docker', '0775', { type: 'dir' }) }],
    good: [{ description: 'root:root 0755', input: oneFile('/etc/docker', '0755', { type: 'dir' }) }],
  },
  group: 'root',
  maxMode: 0o755,
  paths: () => ['/etc/docker'],
});
