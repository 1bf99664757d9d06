/** HOST-021 (CIS 2.16): userland proxy. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** Default is true. */
export const userlandProxyCheck = daemonCheck({
  id: 'HOST-021',
  slug: 'userland-proxy',
  title: 'Userland proxy is enabled',
  severity: 'LOW',
  rationale: 'docker-proxy runs a userland process per published port; hairpin NAT through iptables does the same job with less attack surface.',
  remediation: 'Set `"userland-proxy": false` in daemon.json.',
  references: { cis: '2.16', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'Default', input: daemonJson({}) }], good: [{ description: 'Disabled', input: daemonJson({ 'userland-proxy': false }) }] },
  test: (d) => (d.values.get('userland-proxy')?.value === false ? undefined : { key: 'userland-proxy', message: 'the userland proxy is enabled' }),
});
