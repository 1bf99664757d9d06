/** K8S-023: create on pods/exec or pods/attach. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { RBAC_URL } from './meta.js';
import { coreGroup, eachRule, roleYaml } from './rbac.js';
import { hitAt } from './workload.js';

/** exec needs `create` (websocket clients use `get`, so both are reported). */
export const rbacPodExecCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-023',
    slug: 'rbac-pod-exec',
    target: 'kubernetes',
    title: 'RBAC rule allows exec or attach into pods',
    severity: 'HIGH',
    rationale: 'pods/exec and pods/attach run commands inside any pod in scope, with that pod\'s service account token, mounted secrets and network position: a direct path to privilege escalation.',
    remediation: 'Remove pods/exec and pods/attach from the rule; grant them only to break-glass roles, audited.',
    references: { trivy: 'KSV053', polaris: 'clusterrolePodExecAttach, rolePodExecAttach', urls: [RBAC_URL] },
    examples: {
      bad: [{ description: 'create on pods/exec', input: roleYaml('Role', '- apiGroups: [""]\n  resources: ["pods", "pods/exec"]\n  verbs: ["get", "create"]') }],
      good: [{ description: 'Read pods and logs only', input: roleYaml('Role', '- apiGroups: [""]\n  resources: ["pods", "pods/log"]\n  verbs: ["get", "list"]') }],
    },
  },
  run(input) {
    return eachRule(input, (o, r) => {
      if (!coreGroup(r)) return undefined;
      const subs = r.resources.filter((x) => x === 'pods/exec' || x === 'pods/attach' || x === 'pods/*');
      if (!subs.length || !r.verbs.some((v) => v === 'create' || v === 'get' || v === '*')) return undefined;
      return hitAt(input, o, `${o.kind} ${o.name} allows ${subs.join(', ')} (${r.verbs.join('/')})`, [...r.path, 'resources']);
    });
  },
};
