/** HOST-011 (CIS 2.3): log level not info. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** Unset means info. */
export const logLevelCheck = daemonCheck({
  id: 'HOST-011',
  slug: 'log-level',
  title: 'Docker daemon log level is not info',
  severity: 'LOW',
  rationale: 'debug logs can include sensitive request data and grow quickly; warn, error and fatal drop events an audit needs. info is the level the benchmark expects.',
  remediation: 'Remove `log-level` or set `"log-level": "info"` in daemon.json (and drop `-l`/`--log-level` or `-D` from the dockerd command line).',
  references: { cis: '2.3', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'debug', input: daemonJson({ 'log-level': 'debug' }) }], good: [{ description: 'info', input: daemonJson({ 'log-level': 'info' }) }] },
  test(d) {
    if (d.values.get('debug')?.value === true) return { key: 'debug', message: 'dockerd runs in debug mode' };
    const v = d.values.get('log-level')?.value;
    return v === undefined || v === 'info' ? undefined : { key: 'log-level', message: `dockerd log level is ${String(v)}, not info` };
  },
});
