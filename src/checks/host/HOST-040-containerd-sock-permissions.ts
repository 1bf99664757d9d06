/** HOST-040 (CIS 3.23, 3.24): containerd socket ownership and mode. */
import { CIS_URL, fileCheck, oneFile } from './meta.js';

/** containerd's socket is as powerful as Docker's, without even the docker group. */
export const containerdSockPermissionsCheck = fileCheck({
  id: 'HOST-040',
  slug: 'containerd-sock-permissions',
  title: 'containerd socket is not root:root with mode 660 or stricter',
  severity: 'HIGH',
  rationale: 'The containerd API can create privileged containers directly, bypassing dockerd; access to its socket is root on the host.',
  remediation: 'chown root:root /run/containerd/containerd.sock && chmod 660 /run/containerd/containerd.sock.',
  references: { cis: '3.23, 3.24', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'World read/write', input: oneFile('/run/containerd/containerd.sock', '0666') }],
    good: [{ description: 'root:root 0660', input: oneFile('/run/containerd/containerd.sock', '0660') }],
  },
  group: 'root',
  maxMode: 0o660,
  paths: () => ['/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock'],
});
