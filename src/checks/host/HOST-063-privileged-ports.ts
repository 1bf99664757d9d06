/** HOST-063 (CIS 5.8): host ports below 1024. */
import { publishedPorts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Host side of the mapping; the container port is not the concern here. */
export const privilegedPortsCheck = runtimeCheck({
  id: 'HOST-063',
  slug: 'privileged-ports',
  title: 'Container publishes a privileged host port',
  severity: 'LOW',
  rationale: 'Ports below 1024 are reserved for privileged services (ssh 22, http 80, https 443); mapping one to a container puts it in the host\'s trusted service space.',
  remediation: 'Publish on a port ≥ 1024 and put a reverse proxy or load balancer in front if a well-known port is needed.',
  references: { cis: '5.8', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'Host port 80', input: container({}, { NetworkSettings: { Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '80' }] } } }) }],
    good: [{ description: 'Host port 8080', input: container({}, { NetworkSettings: { Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } } }) }],
  },
  test: (c) => publishedPorts(c).filter((p) => p.hostPort < 1024).map((p) => `publishes host port ${p.hostPort} (→ ${p.port})`),
});
