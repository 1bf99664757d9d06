/** HOST-064 (CIS 5.14): published port bound to every host interface. */
import { publishedPorts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Docker's iptables rules bypass host firewalls like ufw for published ports, so the bind address matters. */
export const wildcardPortBindingCheck = runtimeCheck({
  id: 'HOST-064',
  slug: 'wildcard-port-binding',
  title: 'Published port is bound to all host interfaces',
  severity: 'LOW',
  rationale: '`-p 5432:5432` binds 0.0.0.0 (and ::), and Docker\'s iptables rules are evaluated before host firewalls such as ufw: the port is reachable from every network the host is on.',
  remediation: 'Bind to a specific interface: `-p 127.0.0.1:5432:5432` or the internal address.',
  references: { cis: '5.14', urls: [CIS_URL] },
  examples: {
    bad: [{ description: '0.0.0.0', input: container({}, { NetworkSettings: { Ports: { '5432/tcp': [{ HostIp: '0.0.0.0', HostPort: '5432' }] } } }) }],
    good: [{ description: '127.0.0.1', input: container({}, { NetworkSettings: { Ports: { '5432/tcp': [{ HostIp: '127.0.0.1', HostPort: '5432' }] } } }) }],
  },
  test(c) {
    const wild = publishedPorts(c).filter((p) => p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp === '::');
    return [...new Set(wild.map((p) => `publishes ${p.port} on all interfaces (host port ${p.hostPort})`))];
  },
});
