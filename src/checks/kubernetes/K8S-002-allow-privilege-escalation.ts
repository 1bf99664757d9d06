/** K8S-002: allowPrivilegeEscalation not false. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { PSS_URL, podWith } from './meta.js';
import { containerField, eachContainer, hitAt } from './workload.js';

/** Without no_new_privs, setuid binaries and file capabilities can raise a process's privileges. */
export const allowPrivilegeEscalationCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-002',
    slug: 'allow-privilege-escalation',
    target: 'kubernetes',
    title: 'allowPrivilegeEscalation is not false',
    severity: 'MEDIUM',
    rationale: 'Unless `allowPrivilegeEscalation` is false, the kernel lets a process gain more privileges than its parent (setuid binaries, file capabilities). The default is true.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    references: { cis: '5.26', trivy: 'KSV001', polaris: 'privilegeEscalationAllowed', pss: 'restricted: Privilege Escalation', urls: [PSS_URL] },
    examples: {
      bad: [
        { description: 'Not set (defaults to true)', input: podWith('') },
        { description: 'Explicitly allowed', input: podWith('securityContext:\n  allowPrivilegeEscalation: true') },
      ],
      good: [{ description: 'Escalation disabled', input: podWith('securityContext:\n  allowPrivilegeEscalation: false') }],
    },
  },
  run(input) {
    return eachContainer(input, (o, _pod, c) => {
      const f = containerField(c, 'allowPrivilegeEscalation');
      if (f.value === false) return undefined;
      const why = f.value === undefined ? 'is not set (defaults to true)' : `is ${String(f.value)}`;
      return hitAt(input, o, `container ${c.name}: allowPrivilegeEscalation ${why}`, f.path, c);
    });
  },
};
