/** HOST-036 (CIS 3.13, 3.14): Docker server key file ownership and mode. */
import { CIS_URL, daemonPath, fileCheck, tlsFileFixture } from './meta.js';

const fixture = (mode: string) => tlsFileFixture('tlskey', '/etc/docker/tls/server-key.pem', mode);

/** The path comes from `tlskey` (daemon.json or --tlskey); nothing is checked when TLS is not configured. */
export const tlsKeyPermissionsCheck = fileCheck({
  id: 'HOST-036',
  slug: 'tls-key-permissions',
  title: 'Docker server key file is not root:root with mode 0400 or stricter',
  severity: 'HIGH',
  rationale: 'Anyone who can read the server key can impersonate the Docker daemon to its clients and decrypt captured API traffic.',
  remediation: 'chown root:root <tlskey> && chmod 0400 <tlskey>.',
  references: { cis: '3.13, 3.14', urls: [CIS_URL, 'https://docs.docker.com/engine/security/protect-access/'] },
  examples: {
    bad: [{ description: 'Mode 0666', input: fixture('0666') }],
    good: [{ description: 'Mode 0400', input: fixture('0400') }],
  },
  group: 'root',
  maxMode: 0o400,
  paths: daemonPath('tlskey'),
});
