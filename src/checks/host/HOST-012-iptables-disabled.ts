/** HOST-012 (CIS 2.4): Docker not allowed to manage iptables. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** Default is true. */
export const iptablesDisabledCheck = daemonCheck({
  id: 'HOST-012',
  slug: 'iptables-disabled',
  title: 'Docker is not allowed to manage iptables',
  severity: 'MEDIUM',
  rationale: 'With iptables management off, published ports and inter-container isolation depend on hand-written rules that easily drift and expose services.',
  remediation: 'Remove `"iptables": false` (and `--iptables=false`).',
  references: { cis: '2.4', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'iptables false', input: daemonJson({ iptables: false }) }], good: [{ description: 'default', input: daemonJson({}) }] },
  test: (d) => (d.values.get('iptables')?.value === false ? { key: 'iptables', message: 'Docker may not manage iptables (iptables is false)' } : undefined),
});
