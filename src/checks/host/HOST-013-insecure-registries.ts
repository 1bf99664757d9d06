/** HOST-013 (CIS 2.5): insecure registries. */
import { listSetting } from './daemon.js';
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** Docker always allows 127.0.0.0/8; anything else listed is plain HTTP or unverified TLS. */
export const insecureRegistriesCheck = daemonCheck({
  id: 'HOST-013',
  slug: 'insecure-registries',
  title: 'Insecure registries are configured',
  severity: 'HIGH',
  rationale: 'An insecure registry is used over plain HTTP or with unverified TLS: anyone on the path can serve modified images, which then run on this host.',
  remediation: 'Remove `insecure-registries` (and `--insecure-registry`); give the registry a certificate and trust its CA in /etc/docker/certs.d/<registry>/ca.crt.',
  references: { cis: '2.5', urls: [CIS_URL, DAEMON_URL] },
  examples: {
    bad: [{ description: 'A plain HTTP registry', input: daemonJson({ 'insecure-registries': ['registry.internal:5000'] }) }],
    good: [{ description: 'None', input: daemonJson({ 'insecure-registries': [] }) }],
  },
  test(d) {
    const list = listSetting(d, 'insecure-registries').filter((r) => !/^127\.|^localhost(:|$)/.test(r));
    return list.length ? { key: 'insecure-registries', message: `insecure registries configured: ${list.join(', ')}` } : undefined;
  },
});
