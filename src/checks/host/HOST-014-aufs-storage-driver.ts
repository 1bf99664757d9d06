/** HOST-014 (CIS 2.6): aufs storage driver. */
import { CIS_URL, DAEMON_URL, daemonCheck, daemonJson } from './meta.js';

/** aufs is removed from current Docker; its presence marks an old, unsupported setup. */
export const aufsStorageDriverCheck = daemonCheck({
  id: 'HOST-014',
  slug: 'aufs-storage-driver',
  title: 'aufs storage driver is used',
  severity: 'MEDIUM',
  rationale: 'aufs is unmaintained, has known kernel crashes and is no longer supported by Docker; it also implies an out-of-date kernel and Docker.',
  remediation: 'Switch to overlay2 (`"storage-driver": "overlay2"`) and migrate images and volumes.',
  references: { cis: '2.6', urls: [CIS_URL, DAEMON_URL] },
  examples: { bad: [{ description: 'aufs', input: daemonJson({ 'storage-driver': 'aufs' }) }], good: [{ description: 'overlay2', input: daemonJson({ 'storage-driver': 'overlay2' }) }] },
  test: (d) => (d.values.get('storage-driver')?.value === 'aufs' ? { key: 'storage-driver', message: 'the aufs storage driver is configured' } : undefined),
});
