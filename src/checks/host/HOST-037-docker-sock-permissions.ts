/** HOST-037 (CIS 3.15, 3.16): the Docker API socket's ownership and mode. */
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** /var/run is usually a symlink to /run; both names resolve to the same file and are checked once. */
export const dockerSockPermissionsCheck = fileCheck({
  id: 'HOST-037',
  slug: 'docker-sock-permissions',
  title: 'Docker socket is not root:docker with mode 660 or stricter',
  severity: 'HIGH',
  rationale: 'Access to /var/run/docker.sock is root on the host. A world-accessible socket, or one owned by a regular user or group, gives that to every local account and process.',
  remediation: 'chown root:docker /var/run/docker.sock && chmod 660 /var/run/docker.sock (set SocketUser/SocketGroup/SocketMode in docker.socket so it survives restarts).',
  references: { cis: '3.15, 3.16', urls: [CIS_URL, 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'] },
  examples: {
    bad: [{ description: 'World read/write', input: oneFile('/var/run/docker.sock', '0666') }],
    good: [
      { description: 'root:docker 0660', input: { files: { '/etc/group': { content: 'root:x:0:\ndocker:x:999:\n' }, '/var/run/docker.sock': { mode: '0660', gid: 999, content: '' } } } },
      { description: 'root:root 0660 on a host without a docker group', input: oneFile('/var/run/docker.sock', '0660') },
    ],
  },
  group: 'docker',
  maxMode: 0o660,
  paths: () => ['/var/run/docker.sock', '/run/docker.sock'],
});
