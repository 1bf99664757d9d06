/** K8S-020: RBAC rule with wildcard verbs or resources. */
import type { Check, CheckHit } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { RBAC_URL } from './meta.js';
import { eachRule, roleYaml } from './rbac.js';
import { hitAt } from './workload.js';

/** One hit per rule (verbs and resources named together). */
export const rbacWildcardCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-020',
    slug: 'rbac-wildcard',
    target: 'kubernetes',
    title: 'RBAC rule grants wildcard verbs or resources',
    severity: 'HIGH',
    rationale: '`*` grants every verb (including escalate, bind, impersonate) or every resource, including ones added later by CRDs. It nearly always grants more than intended and defeats review.',
    remediation: 'List the verbs and resources the subject needs explicitly.',
    references: { trivy: 'KSV044, KSV045, KSV046', urls: [RBAC_URL] },
    examples: {
      bad: [{ description: 'All verbs on deployments', input: roleYaml('ClusterRole', '- apiGroups: ["apps"]\n  resources: ["deployments"]\n  verbs: ["*"]') }],
      good: [{ description: 'Explicit verbs', input: roleYaml('Role', '- apiGroups: ["apps"]\n  resources: ["deployments"]\n  verbs: ["get", "list", "watch"]') }],
    },
  },
  run(input) {
    return eachRule(input, (o, r) => {
      const what: string[] = [];
      if (r.verbs.includes('*')) what.push('all verbs');
      if (r.resources.includes('*')) what.push('all resources');
      if (!what.length) return undefined;
      const field = r.verbs.includes('*') ? 'verbs' : 'resources';
      const h: CheckHit = hitAt(input, o, `${o.kind} ${o.name} grants ${what.join(' on ')}`, [...r.path, field]);
      return h;
    });
  },
};
