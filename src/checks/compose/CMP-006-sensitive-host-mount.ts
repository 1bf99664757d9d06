/** CMP-006: sensitive host paths bind-mounted (/, /etc, /proc, /sys, /dev, /boot, /root…). */
import { fieldRule, itemsOf, type ComposeMeta } from './rule.js';
import { bindMounts, isRuntimeSocket } from './volumes.js';

const meta: ComposeMeta = {
  id: 'CMP-006',
  slug: 'sensitive-host-mount',
  target: 'compose',
  title: 'Sensitive host path mounted',
  severity: 'HIGH',
  rationale:
    'Mounting system directories of the host (/, /etc, /proc, /sys, /dev, /boot, /root, /var/lib/docker, /usr, /lib) lets the container read secrets such as /etc/shadow or SSH keys, and, when writable, change the host itself. /etc/localtime and /etc/timezone (commonly mounted read-only) and the runtime sockets (CMP-005) are not reported here.',
  remediation: 'Mount only the specific files the service needs, read-only (`- ./app.conf:/etc/app.conf:ro`), or use a named volume.',
  references: { cis: '5.5', urls: ['https://docs.docker.com/reference/compose-file/services/#volumes'] },
  examples: {
    bad: [{ description: 'Host root and /etc', input: 'services:\n  backup:\n    image: example/backup:1\n    volumes:\n      - /:/host\n      - /etc:/host-etc:ro\n' }],
    good: [{ description: 'Time zone files and a project folder', input: 'services:\n  app:\n    image: example/app:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./data:/data\n' }],
  },
};

const SENSITIVE = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/var/lib/docker', '/usr', '/lib', '/lib64', '/bin', '/sbin', '/var/run', '/run', '/home'];
const ALLOWED = new Set(['/etc/localtime', '/etc/timezone']);

/** True for the host root or a system directory (or a path under one). */
export function isSensitiveHostPath(source: string): boolean {
  const p = source.replace(/\/+$/, '') || '/';
  if (p === '/') return true;
  if (ALLOWED.has(p) || isRuntimeSocket(p)) return false;
  return SENSITIVE.some((s) => p === s || p.startsWith(`${s}/`));
}

export const sensitiveHostMount = fieldRule(meta, 'volumes', (f) =>
  bindMounts(itemsOf(f))
    .filter((m) => isSensitiveHostPath(m.source))
    .map((m): [number, string] => [m.line, `host path ${m.source} is mounted${m.readOnly ? ' (read-only)' : ' read-write'}`]),
);
