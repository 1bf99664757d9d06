/** CMP-008: ports published on all host interfaces. */
import { fieldRule, itemsOf, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-008',
  slug: 'ports-all-interfaces',
  target: 'compose',
  title: 'Port published on all host interfaces',
  severity: 'LOW',
  rationale:
    'A port without a host IP ("8080:80", or just "80") is published on 0.0.0.0 and [::]: reachable from every network the host is on. Docker writes its own iptables rules, so host firewalls such as ufw do not block it; databases and admin UIs end up on the internet this way. Ports bound to a specific address (127.0.0.1, a private IP) are not reported.',
  remediation: 'Bind to loopback when only local access is needed: `"127.0.0.1:8080:80"` (long syntax: `host_ip: 127.0.0.1`), or put the service behind a reverse proxy and use `expose` only.',
  references: { cis: '5.14', urls: ['https://docs.docker.com/reference/compose-file/services/#ports', 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'] },
  examples: {
    bad: [
      { description: 'Short syntax without an address', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n      - 9187\n' },
      { description: 'Long syntax on 0.0.0.0', input: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 0.0.0.0\n' },
    ],
    good: [{ description: 'Loopback and a specific address', input: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - target: 80\n        published: 8080\n        host_ip: "::1"\n      - "10.0.0.5:443:443/tcp"\n' }],
  },
};

const ANY = new Set(['', '0.0.0.0', '::', '[::]']);

/** The host IP of a short-syntax port ("127.0.0.1:8080:80", "[::1]:80:80", "8080:80" → ''). */
export function hostIp(spec: string): string {
  const s = spec.replace(/\/\w+$/, '');
  if (s.startsWith('[')) return s.slice(0, s.indexOf(']') + 1);
  const parts = s.split(':');
  return parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
}

export const portsAllInterfaces = fieldRule(meta, 'ports', (f) => {
  const out: [number, string][] = [];
  for (const it of itemsOf(f)) {
    if (typeof it.value === 'string' || typeof it.value === 'number') {
      const spec = String(it.value);
      if (spec.includes('$')) continue;
      if (ANY.has(hostIp(spec))) out.push([it.line, `port ${spec} is published on all interfaces`]);
    } else if (it.value && typeof it.value === 'object') {
      const v = it.value as Record<string, unknown>;
      if (ANY.has(String(v['host_ip'] ?? '').trim())) out.push([it.line, `port ${String(v['published'] ?? v['target'])} is published on all interfaces`]);
    }
  }
  return out;
});
