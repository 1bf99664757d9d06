/** HOST-033 (CIS 3.7, 3.8): registry certificates under /etc/docker/certs.d. */
import type { HostCheckInput } from './input.js';
import { CIS_URL, fileCheck, oneFile } from './meta.js';

function certFiles(input: HostCheckInput): string[] {
  const out: string[] = [];
  for (const reg of input.fs.list('/etc/docker/certs.d')) {
    for (const f of input.fs.list(`/etc/docker/certs.d/${reg}`)) out.push(`/etc/docker/certs.d/${reg}/${f}`);
  }
  return out;
}

/** Each file in /etc/docker/certs.d/<registry>/ must be root:root 444 or stricter. */
export const registryCertificatePermissionsCheck = fileCheck({
  id: 'HOST-033',
  slug: 'registry-certificate-permissions',
  title: 'Registry certificate files are not root:root with mode 444 or stricter',
  severity: 'MEDIUM',
  rationale: 'Docker trusts the CA certificates in /etc/docker/certs.d/<registry>/ for that registry. Whoever can replace one can impersonate the registry and serve modified images.',
  remediation: 'chown root:root /etc/docker/certs.d/*/* && chmod 444 /etc/docker/certs.d/*/*.',
  references: { cis: '3.7, 3.8', urls: [CIS_URL, 'https://docs.docker.com/engine/security/certificates/'] },
  examples: {
    bad: [{ description: 'Writable CA certificate', input: oneFile('/etc/docker/certs.d/registry.internal:5000/ca.crt', '0644') }],
    good: [{ description: 'Read-only', input: oneFile('/etc/docker/certs.d/registry.internal:5000/ca.crt', '0444') }],
  },
  group: 'root',
  maxMode: 0o444,
  paths: certFiles,
});
