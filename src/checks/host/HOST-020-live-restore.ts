/** HOST-020 (CIS 2.15): live restore. */
import { CIS_URL, daemonCheck, daemonJson } from './meta.js';

/** Not compatible with swarm mode; the benchmark still recommends it for standalone hosts. */
export const liveRestoreCheck = daemonCheck({
  id: 'HOST-020',
  slug: 'live-restore',
  title: 'Live restore is not enabled',
  severity: 'LOW',
  rationale: 'Without live restore, restarting or upgrading dockerd stops every container; security updates of the daemon then get postponed because they mean downtime.',
  remediation: 'Set `"live-restore": true` in daemon.json.',
  references: { cis: '2.15', urls: [CIS_URL, 'https://docs.docker.com/engine/daemon/live-restore/'] },
  examples: { bad: [{ description: 'Not set', input: daemonJson({}) }], good: [{ description: 'Enabled', input: daemonJson({ 'live-restore': true }) }] },
  test: (d) => (d.values.get('live-restore')?.value === true ? undefined : { key: 'live-restore', message: 'live restore is not enabled' }),
});
