/** HOST-035 (CIS 3.11, 3.12): Docker server certificate file ownership and mode. */
import { CIS_URL, daemonPath, fileCheck, tlsFileFixture } from './meta.js';

const fixture = (mode: string) => tlsFileFixture('tlscert', '/etc/docker/tls/server.pem', mode);

/** The path comes from `tlscert` (daemon.json or --tlscert); nothing is checked when TLS is not configured. */
export const tlsCertificatePermissionsCheck = fileCheck({
  id: 'HOST-035',
  slug: 'tls-certificate-permissions',
  title: 'Docker server certificate file is not root:root with mode 0444 or stricter',
  severity: 'MEDIUM',
  rationale: 'Whoever can replace the server certificate can pair it with their own key and impersonate the daemon to clients.',
  remediation: 'chown root:root <tlscert> && chmod 0444 <tlscert>.',
  references: { cis: '3.11, 3.12', urls: [CIS_URL, 'https://docs.docker.com/engine/security/protect-access/'] },
  examples: {
    bad: [{ description: 'Mode 0666', input: fixture('0666') }],
    good: [{ description: 'Mode 0444', input: fixture('0444') }],
  },
  group: 'root',
  maxMode: 0o444,
  paths: daemonPath('tlscert'),
});
