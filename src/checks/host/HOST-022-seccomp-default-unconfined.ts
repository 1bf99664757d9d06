/** HOST-022 (CIS 2.17): daemon-wide seccomp profile disabled. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** "unconfined" turns seccomp off for every container that does not set its own profile. */
export const seccompDefaultUnconfinedCheck = daemonCheck({
  id: 'HOST-022',
  slug: 'seccomp-default-unconfined',
  title: 'Daemon-wide seccomp profile is unconfined',
  severity: 'HIGH',
  rationale: 'Docker\'s default seccomp profile blocks about 44 dangerous system calls (keyctl, add_key, unshare, mount…). Setting the daemon profile to unconfined removes that for every container.',
  remediation: 'Remove `seccomp-profile` (to use Docker\'s default) or point it to a reviewed custom profile.',
  references: { cis: '2.17', urls: [CIS_URL, 'https://docs.docker.com/engine/security/seccomp/'] },
  examples: { bad: [{ description: 'unconfined', input: daemonJson({ 'seccomp-profile': 'unconfined' }) }], good: [{ description: 'A custom profile', input: daemonJson({ 'seccomp-profile': '/etc/docker/seccomp.json' }) }] },
  test: (d) => (d.values.get('seccomp-profile')?.value === 'unconfined' ? { key: 'seccomp-profile', message: 'the daemon-wide seccomp profile is unconfined' } : undefined),
});
