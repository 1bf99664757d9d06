/** HOST-054 (CIS 5.4): capabilities added beyond Docker's defaults. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Docker's default capability set; adding these back after a drop is fine. */
const DEFAULT_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** Privileged containers are HOST-050's. */
export const addedCapabilitiesCheck = runtimeCheck({
  id: 'HOST-054',
  slug: 'added-capabilities',
  title: 'Container adds capabilities beyond Docker\'s defaults',
  severity: 'HIGH',
  rationale: 'Capabilities such as SYS_ADMIN, SYS_PTRACE, SYS_MODULE or NET_ADMIN give a container powers close to root on the host; ALL grants every one.',
  remediation: 'Remove the `--cap-add`; start from `--cap-drop ALL` and add back only what the process needs.',
  references: { cis: '5.4', urls: [CIS_URL] },
  examples: { bad: [{ description: 'SYS_ADMIN', input: container({ CapAdd: ['SYS_ADMIN'] }) }], good: [{ description: 'Only NET_BIND_SERVICE', input: container({ CapAdd: ['NET_BIND_SERVICE'] }) }] },
  test(c) {
    const add = hc(c, 'CapAdd');
    if (!Array.isArray(add)) return undefined;
    const extra = add.map((x) => String(x).toUpperCase().replace(/^CAP_/, '')).filter((x) => !DEFAULT_CAPS.has(x));
    return extra.length ? `adds capabilities ${extra.join(', ')}` : undefined;
  },
});
