/** HOST-053 (CIS 5.10, 5.16, 5.17, 5.21, 5.31): host network, PID, IPC, UTS or user namespace shared. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

const MODES: [string, string, string][] = [
  ['NetworkMode', 'network', '5.10'], ['PidMode', 'PID', '5.16'], ['IpcMode', 'IPC', '5.17'], ['UTSMode', 'UTS', '5.21'], ['UsernsMode', 'user', '5.31'],
];

/** One message per shared namespace. */
export const hostNamespacesCheck = runtimeCheck({
  id: 'HOST-053',
  slug: 'host-namespaces',
  title: 'Container shares a host namespace',
  severity: 'HIGH',
  rationale: 'Host network exposes host-only services and bypasses Docker\'s network isolation; host PID lets the container see and signal host processes; host IPC shares memory segments; host UTS lets it change the hostname; host userns disables user-namespace remapping for it.',
  remediation: 'Remove `--network host`, `--pid host`, `--ipc host`, `--uts host` and `--userns host`.',
  references: { cis: '5.10, 5.16, 5.17, 5.21, 5.31', urls: [CIS_URL] },
  examples: { bad: [{ description: 'Host network and PID', input: container({ NetworkMode: 'host', PidMode: 'host' }) }], good: [{ description: 'Private namespaces', input: container() }] },
  test: (c) => MODES.filter(([k]) => hc(c, k) === 'host').map(([, name, cis]) => `shares the host ${name} namespace (CIS ${cis})`),
});
