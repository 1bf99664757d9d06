/** HOST-057 (CIS 5.26): container may gain new privileges. */
import { hc, securityOpts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Passes when the container sets it, or the daemon default (HOST-019) is on and the container did not turn it off. */
export const noNewPrivilegesCheck = runtimeCheck({
  id: 'HOST-057',
  slug: 'no-new-privileges',
  title: 'Container is not restricted from gaining new privileges',
  severity: 'MEDIUM',
  rationale: 'Without no-new-privileges, setuid binaries and file capabilities inside the container can raise a process\'s privileges.',
  remediation: 'Run with `--security-opt no-new-privileges:true`, or set `"no-new-privileges": true` in daemon.json.',
  references: { cis: '5.26', urls: [CIS_URL] },
  examples: { bad: [{ description: 'Not set', input: container({ SecurityOpt: [] }) }], good: [{ description: 'Set', input: container() }] },
  test(c, input) {
    const opts = securityOpts(c).map((o) => o.replace('=', ':'));
    if (opts.includes('no-new-privileges') || opts.includes('no-new-privileges:true')) return undefined;
    if (input.daemon.values.get('no-new-privileges')?.value === true && !opts.includes('no-new-privileges:false') && hc(c, 'Privileged') !== true) return undefined;
    return 'no-new-privileges is not set';
  },
});
