/** HOST-030 (CIS 3.1, 3.2): docker.service ownership and mode. */
import { UNIT_DIRS } from './daemon.js';
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** Every copy of the unit in the systemd search path is checked. */
export const dockerServicePermissionsCheck = fileCheck({
  id: 'HOST-030',
  slug: 'docker-service-permissions',
  title: 'docker.service is not root:root with mode 644 or stricter',
  severity: 'MEDIUM',
  rationale: 'docker.service holds the dockerd command line. Whoever can write it can add `-H tcp://0.0.0.0:2375` or disable protections, and systemd runs it as root at the next restart.',
  remediation: 'chown root:root docker.service && chmod 644 docker.service (in each directory it is found).',
  references: { cis: '3.1, 3.2', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'Group-writable', input: oneFile('/lib/systemd/system/docker.service', '0664') }, { description: 'Owned by a user', input: oneFile('/lib/systemd/system/docker.service', '0644', { uid: 1000 }) }],
    good: [{ description: 'root:root 0644', input: oneFile('/lib/systemd/system/docker.service', '0644') }],
  },
  group: 'root',
  maxMode: 0o644,
  paths: () => UNIT_DIRS.map((d) => `${d}/docker.service`),
});
