/** HOST-031 (CIS 3.3, 3.4): docker.socket unit ownership and mode. */
import { UNIT_DIRS } from './daemon.js';
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** The socket unit decides the API socket's owner and mode. */
export const dockerSocketUnitPermissionsCheck = fileCheck({
  id: 'HOST-031',
  slug: 'docker-socket-unit-permissions',
  title: 'docker.socket is not root:root with mode 644 or stricter',
  severity: 'MEDIUM',
  rationale: 'docker.socket sets who may use the Docker API socket (SocketGroup, SocketMode). Whoever can write it can open the API to every local user.',
  remediation: 'chown root:root docker.socket && chmod 644 docker.socket.',
  references: { cis: '3.3, 3.4', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'World-writable', input: oneFile('/lib/systemd/system/docker.socket', '0666') }],
    good: [{ description: 'root:root 0644', input: oneFile('/lib/systemd/system/docker.socket', '0644') }],
  },
  group: 'root',
  maxMode: 0o644,
  paths: () => UNIT_DIRS.map((d) => `${d}/docker.socket`),
});
