/** HOST-018 (CIS 2.13): centralized/remote logging. */
import { CIS_URL, daemonCheck, daemonJson } from './meta.js';

/** json-file and local keep logs on the host only. */
export const remoteLoggingCheck = daemonCheck({
  id: 'HOST-018',
  slug: 'remote-logging',
  title: 'Container logs are not shipped to a central log store',
  severity: 'LOW',
  rationale: 'Logs kept only on the host (json-file, local) disappear with the host and can be erased by an attacker who gets root there; central logging preserves evidence.',
  remediation: 'Set a remote `log-driver` (syslog, journald with forwarding, fluentd, gelf, awslogs, splunk…) in daemon.json.',
  references: { cis: '2.13', urls: [CIS_URL, 'https://docs.docker.com/engine/logging/configure/'] },
  examples: { bad: [{ description: 'Default json-file', input: daemonJson({ 'log-driver': 'json-file' }) }], good: [{ description: 'syslog', input: daemonJson({ 'log-driver': 'syslog', 'log-opts': { 'syslog-address': 'tcp://logs.internal:514' } }) }] },
  test(d) {
    const v = d.values.get('log-driver')?.value;
    return v === undefined || v === 'json-file' || v === 'local' || v === 'none' ? { key: 'log-driver', message: `container logs stay on the host (log-driver ${v === undefined ? 'json-file (default)' : String(v)})` } : undefined;
  },
});
