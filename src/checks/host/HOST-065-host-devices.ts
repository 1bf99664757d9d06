/** HOST-065 (CIS 5.18): host devices exposed. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Lists each device with its permissions. */
export const hostDevicesCheck = runtimeCheck({
  id: 'HOST-065',
  slug: 'host-devices',
  title: 'Host devices are exposed to a container',
  severity: 'MEDIUM',
  rationale: 'A host device (disk, /dev/mem, GPU, USB) in a container lets it read or write the hardware directly, bypassing filesystem permissions.',
  remediation: 'Remove `--device`; if a device is required, pass only it with the narrowest permissions (e.g. `:r`).',
  references: { cis: '5.18', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'The host disk', input: container({ Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda', CgroupPermissions: 'rwm' }] }) }],
    good: [{ description: 'None', input: container() }],
  },
  test(c) {
    const d = hc(c, 'Devices');
    if (!Array.isArray(d) || !d.length) return undefined;
    return `exposes host devices ${d.map((x) => `${String((x as { PathOnHost?: unknown }).PathOnHost)}:${String((x as { CgroupPermissions?: unknown }).CgroupPermissions ?? '')}`).join(', ')}`;
  },
});
