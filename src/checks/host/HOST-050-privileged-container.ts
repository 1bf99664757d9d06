/** HOST-050 (CIS 5.5): privileged containers. */
import { hc } from './inspect.js';
import { CIS_URL, container, runtimeCheck } from './meta.js';

/** --privileged: all capabilities, all devices, no seccomp/AppArmor. */
export const privilegedContainerCheck = runtimeCheck({
  id: 'HOST-050',
  slug: 'privileged-container',
  title: 'Container runs privileged',
  severity: 'CRITICAL',
  rationale: 'A privileged container has every capability and every host device and runs without seccomp or AppArmor; escaping to the host is trivial.',
  remediation: 'Run it without `--privileged`; add only the capabilities and devices it needs (`--cap-add`, `--device`).',
  references: { cis: '5.5', urls: [CIS_URL] },
  examples: { bad: [{ description: 'Privileged', input: container({ Privileged: true }) }], good: [{ description: 'Not privileged', input: container() }] },
  test: (c) => (hc(c, 'Privileged') === true ? 'runs privileged' : undefined),
});
