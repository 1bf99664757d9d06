/** CMP-002: cap_add of ALL or of capabilities that amount to root on the host. */
import { fieldRule, itemsOf, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-002',
  slug: 'dangerous-capabilities',
  target: 'compose',
  title: 'Dangerous capability added',
  severity: 'HIGH',
  rationale:
    'Some capabilities are nearly root on the host: ALL (everything), SYS_ADMIN (mount, namespaces, BPF…), SYS_MODULE (load kernel modules), SYS_PTRACE (read other processes\' memory), SYS_RAWIO, DAC_READ_SEARCH (open any host file by handle), BPF/PERFMON, and NET_ADMIN/NET_RAW (reconfigure or spoof the network). Harmless ones such as NET_BIND_SERVICE or CHOWN are not reported.',
  remediation: 'Drop the capability, or replace it with a narrower one; start from `cap_drop: [ALL]` and add back only what the service needs.',
  references: { cis: '5.3', urls: ['https://docs.docker.com/reference/compose-file/services/#cap_add', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'] },
  examples: {
    bad: [{ description: 'ALL and SYS_ADMIN', input: 'services:\n  vpn:\n    image: example/vpn:2.0\n    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_ADMIN\n' }],
    good: [{ description: 'Only a harmless capability', input: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n' }],
  },
};

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'NET_ADMIN', 'NET_RAW', 'SYS_BOOT', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG']);

export const dangerousCapabilities = fieldRule(meta, 'cap_add', (f) => {
  const out: [number, string][] = [];
  for (const item of itemsOf(f)) {
    const cap = String(item.value).toUpperCase().replace(/^CAP_/, '');
    if (DANGEROUS.has(cap)) out.push([item.line, `cap_add: ${cap}`]);
  }
  return out;
});
