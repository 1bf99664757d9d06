/** HOST-056 (CIS 5.13): root filesystem not read-only. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** --read-only with tmpfs or volumes for the paths the app writes. */
export const writableRootfsCheck = runtimeCheck({
  id: 'HOST-056',
  slug: 'writable-rootfs',
  title: 'Container root filesystem is writable',
  severity: 'LOW',
  rationale: 'A writable root filesystem lets an intruder modify binaries and drop tools inside the container.',
  remediation: 'Run with `--read-only` and mount tmpfs or volumes where the application writes.',
  references: { cis: '5.13', urls: [CIS_URL] },
  examples: { bad: [{ description: 'Writable', input: container({ ReadonlyRootfs: false }) }], good: [{ description: 'Read-only', input: container() }] },
  test: (c) => (hc(c, 'ReadonlyRootfs') === true ? undefined : 'root filesystem is writable'),
});
