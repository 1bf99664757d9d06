/** HOST-052 (CIS 5.32): Docker (or containerd) socket mounted into a container. */
import { bindMounts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** Read-only does not help: the API is used over the socket, not by writing the file. */
export const dockerSocketMountedCheck = runtimeCheck({
  id: 'HOST-052',
  slug: 'docker-socket-mounted',
  title: 'Docker socket is mounted into a container',
  severity: 'CRITICAL',
  rationale: 'With the Docker socket a container can start a privileged container with / mounted: it is root on the host. Mounting it read-only changes nothing.',
  remediation: 'Remove the socket mount; use a socket proxy that allows only the needed API calls (e.g. read-only container listing), or rootless builders.',
  references: { cis: '5.32', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'docker.sock mounted', input: container({ Binds: ['/var/run/docker.sock:/var/run/docker.sock:ro'] }) }],
    good: [{ description: 'No socket', input: container({ Binds: ['/srv/data:/data'] }) }],
  },
  test: (c) => bindMounts(c).filter((m) => /(^|\/)(docker|containerd|crio|podman)\.sock$/.test(m.source)).map((m) => `mounts the container runtime socket ${m.source}`),
});
