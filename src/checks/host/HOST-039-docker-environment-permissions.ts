/** HOST-039 (CIS 3.19–3.22): /etc/default/docker and /etc/sysconfig/docker ownership and mode. */
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** Debian-family hosts use /etc/default/docker, Red Hat-family /etc/sysconfig/docker. */
export const dockerEnvironmentPermissionsCheck = fileCheck({
  id: 'HOST-039',
  slug: 'docker-environment-permissions',
  title: 'Docker environment file is not root:root with mode 644 or stricter',
  severity: 'MEDIUM',
  rationale: 'These files add options to the dockerd command line (DOCKER_OPTS / OPTIONS); whoever can write them controls how the root daemon starts.',
  remediation: 'chown root:root /etc/default/docker /etc/sysconfig/docker && chmod 644 on both.',
  references: { cis: '3.19, 3.20, 3.21, 3.22', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'World-writable /etc/sysconfig/docker', input: oneFile('/etc/sysconfig/docker', '0666', { content: "OPTIONS='--selinux-enabled'\n" }) }],
    good: [{ description: 'root:root 0644', input: oneFile('/etc/default/docker', '0644', { content: 'DOCKER_OPTS=""\n' }) }],
  },
  group: 'root',
  maxMode: 0o644,
  paths: () => ['/etc/default/docker', '/etc/sysconfig/docker'],
});
