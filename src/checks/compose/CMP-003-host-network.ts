/** CMP-003: network_mode: host. */
import { fieldRule, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-003',
  slug: 'host-network',
  target: 'compose',
  title: 'Service shares the host network',
  severity: 'HIGH',
  rationale: 'With the host network the container sees every host interface, can bind any host port, reach services listening on localhost (Docker API, databases, cloud metadata helpers) and sniff traffic if it has NET_RAW; port publishing and network isolation no longer apply.',
  remediation: 'Remove `network_mode: host`; publish the ports the service needs (bound to 127.0.0.1 when only local access is wanted) on a user-defined network.',
  references: { cis: '5.9', urls: ['https://docs.docker.com/reference/compose-file/services/#network_mode'] },
  examples: {
    bad: [{ description: 'Host network', input: 'services:\n  app:\n    image: example/app:1.0\n    network_mode: host\n' }],
    good: [{ description: 'Default network, loopback port', input: 'services:\n  app:\n    image: example/app:1.0\n    ports: ["127.0.0.1:8080:8080"]\n' }],
  },
};

export const hostNetwork = fieldRule(meta, 'network_mode', (f) => (String(f.value).toLowerCase() === 'host' ? [[f.line, 'network_mode: host shares the host network stack']] : []));
