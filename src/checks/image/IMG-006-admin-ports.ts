/** IMG-006: the image exposes remote-administration ports (SSH, Telnet, RDP, VNC, Docker API). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';

export const ADMIN_PORTS: Record<number, string> = {
  22: 'SSH',
  23: 'Telnet',
  3389: 'RDP',
  5900: 'VNC',
  5901: 'VNC',
  2375: 'Docker API (plain HTTP, unauthenticated)',
  2376: 'Docker API (TLS)',
};

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-006',
  slug: 'admin-ports-exposed',
  target: 'image',
  title: 'Remote-administration port exposed',
  severity: 'MEDIUM',
  rationale:
    'EXPOSE of SSH, Telnet, RDP, VNC or the Docker API advertises a remote-administration service; `docker run -P` publishes it and orchestrators and scanners treat it as intended. These services give interactive control of the container (the Docker API: of the host).',
  remediation: 'Remove the EXPOSE for the port and the service behind it; expose only the application\'s own ports.',
  references: { cis: '5.9', trivy: 'DS004' },
  examples: {
    bad: [{ description: 'EXPOSE 22', input: exampleImage([], { ExposedPorts: { '22/tcp': {} } }) }],
    good: [{ description: 'Only the application port', input: exampleImage([], { ExposedPorts: { '8080/tcp': {} } }) }],
  },
};

/** Reports each exposed admin port. */
export const img006AdminPortsExposed: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out = [];
    for (const key of Object.keys(input.config.config?.ExposedPorts ?? {})) {
      const port = Number.parseInt(key, 10);
      const what = ADMIN_PORTS[port];
      if (what) out.push({ message: `Port ${key} (${what}) is exposed.`, evidence: `EXPOSE ${key}` });
    }
    return out;
  },
};
