/** HOST-019 (CIS 2.14): no-new-privileges as the daemon default. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** With it set, every container starts with no_new_privs unless it opts out. */
export const noNewPrivilegesDefaultCheck = daemonCheck({
  id: 'HOST-019',
  slug: 'no-new-privileges-default',
  title: 'Containers may gain new privileges by default',
  severity: 'MEDIUM',
  rationale: 'no_new_privs stops setuid/setgid binaries and file capabilities from raising privileges inside containers. Setting it daemon-wide protects every container that does not explicitly ask otherwise.',
  remediation: 'Set `"no-new-privileges": true` in daemon.json.',
  references: { cis: '2.14', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'Not set', input: daemonJson({}) }], good: [{ description: 'Enabled', input: daemonJson({ 'no-new-privileges': true }) }] },
  test: (d) => (d.values.get('no-new-privileges')?.value === true ? undefined : { key: 'no-new-privileges', message: 'no-new-privileges is not the daemon default' }),
});
