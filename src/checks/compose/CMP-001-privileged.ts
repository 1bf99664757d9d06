/** CMP-001: privileged: true. */
import { fieldRule, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-001',
  slug: 'privileged',
  target: 'compose',
  title: 'Service runs privileged',
  severity: 'CRITICAL',
  rationale: 'A privileged container gets every capability, all host devices and no seccomp/AppArmor confinement: root in it is root on the host, one `mount` away.',
  remediation: 'Remove `privileged: true`; grant only the capability or device the service needs (`cap_add: [NET_BIND_SERVICE]`, `devices: [/dev/fuse]`).',
  references: { cis: '5.4', urls: ['https://docs.docker.com/reference/compose-file/services/#privileged'] },
  examples: {
    bad: [{ description: 'Privileged service', input: 'services:\n  agent:\n    image: example/agent:1.2\n    privileged: true\n' }],
    good: [{ description: 'Not privileged', input: 'services:\n  agent:\n    image: example/agent:1.2\n    privileged: false\n' }],
  },
};

export const privileged = fieldRule(meta, 'privileged', (f) => (f.value === true || f.value === 'true' ? [[f.line, 'privileged: true gives the container full access to the host']] : []));
