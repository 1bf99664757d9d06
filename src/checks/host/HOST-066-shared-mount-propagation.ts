/** HOST-066 (CIS 5.20): mount propagation shared. */
import { bindMounts } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** shared/rshared let mounts made in the container appear on the host. */
export const sharedMountPropagationCheck = runtimeCheck({
  id: 'HOST-066',
  slug: 'shared-mount-propagation',
  title: 'Mount propagation is shared',
  severity: 'MEDIUM',
  rationale: 'With shared propagation, mounts the container makes under the volume propagate to the host (and other containers), which can hide or replace host paths.',
  remediation: 'Use the default (rprivate) propagation; use rslave only when the container must see host mounts.',
  references: { cis: '5.20', urls: [CIS_URL] },
  examples: {
    bad: [{ description: 'rshared', input: container({}, { Mounts: [{ Type: 'bind', Source: '/mnt/data', Destination: '/data', RW: true, Propagation: 'rshared' }] }) }],
    good: [{ description: 'rprivate', input: container({}, { Mounts: [{ Type: 'bind', Source: '/mnt/data', Destination: '/data', RW: true, Propagation: 'rprivate' }] }) }],
  },
  test: (c) => bindMounts(c).filter((m) => m.propagation === 'shared' || m.propagation === 'rshared').map((m) => `mounts ${m.source} with ${m.propagation} propagation`),
});
