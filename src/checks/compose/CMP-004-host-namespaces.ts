/** CMP-004: pid/ipc/uts/userns/cgroup namespaces shared with the host. */
import type { Check, CheckHit } from '../types.js';
import type { ComposeCheckInput } from './input.js';
import { serviceHit, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-004',
  slug: 'host-namespaces',
  target: 'compose',
  title: 'Service shares a host namespace (pid, ipc, uts, userns, cgroup)',
  severity: 'HIGH',
  rationale:
    '`pid: host` lets the container see and signal every host process (and read their environment with ptrace rights); `ipc: host` exposes host shared memory; `uts: host` lets it change the host name; `userns_mode: host` disables user-namespace remapping; `cgroup: host` exposes the host cgroup tree. Sharing with another service (`service:x`) is not reported.',
  remediation: 'Remove the setting; if a sidecar needs to see a process, share that service\'s namespace (`pid: "service:app"`) instead of the host\'s.',
  references: { cis: '5.15, 5.16, 5.20, 5.30', urls: ['https://docs.docker.com/reference/compose-file/services/#pid'] },
  examples: {
    bad: [{ description: 'Host PID and IPC', input: 'services:\n  monitor:\n    image: example/monitor:3\n    pid: host\n    ipc: host\n' }],
    good: [{ description: 'Namespace shared with another service', input: 'services:\n  app:\n    image: example/app:1\n  debug:\n    image: example/debug:1\n    pid: "service:app"\n' }],
  },
};

const KEYS = ['pid', 'ipc', 'uts', 'userns_mode', 'cgroup'];

export const hostNamespaces: Check<ComposeCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const svc of input.services) {
      for (const k of KEYS) {
        const f = svc.fields[k];
        if (f && String(f.value).toLowerCase() === 'host') hits.push(serviceHit(input, svc, f.line, `${k}: host shares the host's ${k === 'userns_mode' ? 'user' : k} namespace`));
      }
    }
    return hits;
  },
};
