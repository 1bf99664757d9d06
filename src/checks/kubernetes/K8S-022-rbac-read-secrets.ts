/** K8S-022: read access to secrets. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { RBAC_URL } from './meta.js';
import { coreGroup, eachRule, roleYaml } from './rbac.js';
import { hitAt } from './workload.js';

const READ = ['get', 'list', 'watch', '*'];

/** Wildcard resources are K8S-020's; this names explicit `secrets` grants. */
export const rbacReadSecretsCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-022',
    slug: 'rbac-read-secrets',
    target: 'kubernetes',
    title: 'RBAC rule allows reading secrets',
    severity: 'MEDIUM',
    rationale: 'get/list/watch on secrets reveals every credential in scope: service account tokens, TLS keys, database passwords. `list` and `watch` return secret contents too, not just names.',
    remediation: 'Remove secrets from the rule, or restrict it with `resourceNames` to the specific secrets needed.',
    references: { trivy: 'KSV041', urls: [RBAC_URL] },
    examples: {
      bad: [{ description: 'list secrets cluster-wide', input: roleYaml('ClusterRole', '- apiGroups: [""]\n  resources: ["secrets"]\n  verbs: ["get", "list"]') }],
      good: [
        { description: 'One named secret', input: roleYaml('Role', '- apiGroups: [""]\n  resources: ["secrets"]\n  resourceNames: ["app-tls"]\n  verbs: ["get"]') },
        { description: 'Config maps only', input: roleYaml('Role', '- apiGroups: [""]\n  resources: ["configmaps"]\n  verbs: ["get"]') },
      ],
    },
  },
  run(input) {
    return eachRule(input, (o, r) => {
      if (!coreGroup(r) || !r.resources.includes('secrets')) return undefined;
      const verbs = r.verbs.filter((v) => READ.includes(v));
      if (!verbs.length) return undefined;
      const rule = (o.value.rules as unknown[])[r.path[1] as number] as Record<string, unknown>;
      if (Array.isArray(rule.resourceNames) && rule.resourceNames.length && !verbs.some((v) => v === 'list' || v === 'watch' || v === '*')) return undefined;
      return hitAt(input, o, `${o.kind} ${o.name} allows ${verbs.join('/')} on secrets`, [...r.path, 'resources']);
    });
  },
};
