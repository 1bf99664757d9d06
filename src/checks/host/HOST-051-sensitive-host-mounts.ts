/** HOST-051 (CIS 5.6): sensitive host directories mounted. */
import { bindMounts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/sys', '/usr', '/bin', '/sbin', '/root', '/var/lib/docker', '/var/lib/kubelet'];

function norm(p: string): string {
  return `/${p.split('/').filter(Boolean).join('/')}`;
}

/** The directory itself in any mode, or anything below it writable. Sockets are HOST-052's. */
export const sensitiveHostMountsCheck = runtimeCheck({
  id: 'HOST-051',
  slug: 'sensitive-host-mounts',
  title: 'Sensitive host directory is mounted into a container',
  severity: 'HIGH',
  rationale: 'Mounting /, /etc, /proc, /sys, /dev, /boot, /usr or /lib gives the container the host\'s credentials, kernel interfaces or binaries; writable, it can change the host directly.',
  remediation: 'Mount only the specific files the application needs, read-only, or use named volumes.',
  references: { cis: '5.6', urls: [CIS_URL] },
  examples: {
    bad: [{ description: '/etc mounted', input: container({ Binds: ['/etc:/host-etc:ro'] }) }],
    good: [{ description: 'A read-only file under /etc and a data directory', input: container({ Binds: ['/etc/localtime:/etc/localtime:ro', '/srv/data:/data'] }) }],
  },
  test(c) {
    const out: string[] = [];
    for (const m of bindMounts(c)) {
      const src = norm(m.source);
      if (src.endsWith('.sock')) continue;
      const dir = SENSITIVE.find((d) => src === d || (m.rw && d !== '/' && src.startsWith(`${d}/`)));
      if (dir) out.push(`mounts host ${src}${m.rw ? ' read-write' : ' read-only'}`);
    }
    return out;
  },
});
