/** HOST-016 (CIS 2.9): user namespace remapping. */
import { CIS_URL, daemonCheck, daemonJson } from './meta.js';

/** Without userns-remap, root in a container is uid 0 on the host. */
export const usernsRemapCheck = daemonCheck({
  id: 'HOST-016',
  slug: 'userns-remap',
  title: 'User namespace remapping is not enabled',
  severity: 'MEDIUM',
  rationale: 'Without user namespaces, root in a container is root (uid 0) on the host: a container escape or a writable host mount gives full host privileges.',
  remediation: 'Set `"userns-remap": "default"` (or a dedicated user) in daemon.json, or run Docker rootless.',
  references: { cis: '2.9', urls: [CIS_URL, 'https://docs.docker.com/engine/security/userns-remap/'] },
  examples: { bad: [{ description: 'Not set', input: daemonJson({ icc: false }) }], good: [{ description: 'default remapping', input: daemonJson({ 'userns-remap': 'default' }) }] },
  test(d) {
    const v = d.values.get('userns-remap')?.value;
    return typeof v === 'string' && v.trim() ? undefined : { key: 'userns-remap', message: 'user namespace remapping is not enabled (userns-remap)' };
  },
});
