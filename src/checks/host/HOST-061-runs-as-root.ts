/** HOST-061 (CIS 4.1 at runtime): container process runs as root. */
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Config.User of the running container (image USER or --user); empty means root. */
export const runsAsRootCheck = runtimeCheck({
  id: 'HOST-061',
  slug: 'runs-as-root',
  title: 'Container runs as root',
  severity: 'MEDIUM',
  rationale: 'Without user-namespace remapping, root in the container is root on the host; any escape or writable host mount then has full host privileges.',
  remediation: 'Set a non-root USER in the image or run with `--user <uid>:<gid>`.',
  references: { cis: '4.1', urls: [CIS_URL] },
  examples: { bad: [{ description: 'No user', input: container({}, { Config: { User: '', Healthcheck: { Test: ['CMD', '/healthz'] } } }) }], good: [{ description: 'UID 10001', input: container() }] },
  test(c) {
    const u = String(c.Config?.User ?? '').trim();
    const user = u.split(':')[0];
    return user === '' || user === '0' || user === 'root' ? `runs as root (User is ${u ? JSON.stringify(u) : 'empty'})` : undefined;
  },
});
