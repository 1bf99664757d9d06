/** HOST-010 (CIS 2.2): inter-container communication on the default bridge. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** dockerd's default is icc=true. */
export const iccEnabledCheck = daemonCheck({
  id: 'HOST-010',
  slug: 'icc-enabled',
  title: 'Containers on the default bridge can talk to each other (icc)',
  severity: 'MEDIUM',
  rationale: 'By default every container on the docker0 bridge can reach every other container\'s ports, so one compromised container can probe and attack the rest.',
  remediation: 'Set `"icc": false` in /etc/docker/daemon.json and link containers explicitly through user-defined networks.',
  references: { cis: '2.2', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'icc not set', input: daemonJson({ 'log-driver': 'syslog' }) }], good: [{ description: 'icc false', input: daemonJson({ icc: false }) }] },
  test: (d) => (d.values.get('icc')?.value === false ? undefined : { key: 'icc', message: 'inter-container communication on the default bridge is enabled (icc is not false)' }),
});
