/** HOST-023 (CIS 2.18): experimental features. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** Experimental code paths get less review and no stability guarantees. */
export const experimentalCheck = daemonCheck({
  id: 'HOST-023',
  slug: 'experimental',
  title: 'Experimental daemon features are enabled',
  severity: 'LOW',
  rationale: 'Experimental features are not production-ready, change without notice and have had less security review.',
  remediation: 'Remove `"experimental": true` (and `--experimental`) on production hosts.',
  references: { cis: '2.18', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'Enabled', input: daemonJson({ experimental: true }) }], good: [{ description: 'Off', input: daemonJson({ experimental: false }) }] },
  test: (d) => (d.values.get('experimental')?.value === true ? { key: 'experimental', message: 'experimental features are enabled' } : undefined),
});
