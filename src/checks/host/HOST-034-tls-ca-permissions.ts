/** HOST-034 (CIS 3.9, 3.10): TLS CA certificate file ownership and mode. */
import { CIS_URL, daemonPath, fileCheck, tlsFileFixture } from './meta.js';

const fixture = (mode: string) => tlsFileFixture('tlscacert', '/etc/docker/tls/ca.pem', mode);

/** The path comes from `tlscacert` (daemon.json or --tlscacert); nothing is checked when TLS is not configured. */
export const tlsCaPermissionsCheck = fileCheck({
  id: 'HOST-034',
  slug: 'tls-ca-permissions',
  title: 'TLS CA certificate file is not root:root with mode 0444 or stricter',
  severity: 'MEDIUM',
  rationale: 'The CA certificate decides which client certificates dockerd accepts: whoever can replace it can mint their own client certificate and get root through the API.',
  remediation: 'chown root:root <tlscacert> && chmod 0444 <tlscacert>.',
  references: { cis: '3.9, 3.10', urls: [CIS_URL, 'https://docs.docker.com/engine/security/protect-access/'] },
  examples: {
    bad: [{ description: 'Mode 0666', input: fixture('0666') }],
    good: [{ description: 'Mode 0444', input: fixture('0444') }],
  },
  group: 'root',
  maxMode: 0o444,
  paths: daemonPath('tlscacert'),
});
