/** CMP-005: the Docker (or another runtime's) API socket mounted into a container. */
import { fieldRule, itemsOf, type ComposeMeta } from './rule.js';
import { bindMounts, isRuntimeSocket } from './volumes.js';

const meta: ComposeMeta = {
  id: 'CMP-005',
  slug: 'docker-socket',
  target: 'compose',
  title: 'Container runtime socket mounted',
  severity: 'CRITICAL',
  rationale: 'Whoever can talk to /var/run/docker.sock can start a privileged container with the host filesystem mounted: mounting it (even read-only, which does not restrict API calls) hands root on the host to the service and to anyone who compromises it. The same holds for podman, containerd and CRI-O sockets.',
  remediation: 'Do not mount the socket. If a tool really needs the API, put a filtering proxy in front (e.g. a socket proxy allowing only the calls it needs) or use rootless Docker.',
  references: { cis: '5.31', urls: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface'] },
  examples: {
    bad: [
      { description: 'Short syntax, read-only does not help', input: 'services:\n  ci:\n    image: example/runner:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n' },
      { description: 'Long syntax', input: 'services:\n  ui:\n    image: example/ui:1\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n' },
    ],
    good: [{ description: 'Named volume and project folder', input: 'services:\n  app:\n    image: example/app:1\n    volumes:\n      - data:/var/lib/app\n      - ./config:/etc/app:ro\nvolumes:\n  data: {}\n' }],
  },
};

export const dockerSocket = fieldRule(meta, 'volumes', (f) =>
  bindMounts(itemsOf(f))
    .filter((m) => isRuntimeSocket(m.source))
    .map((m): [number, string] => [m.line, `${m.source} is mounted into the container (host root via the runtime API)`]),
);
