/** K8S-021: binding to cluster-admin. */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';
import { RBAC_URL } from './meta.js';
import { getIn, hitAt } from './workload.js';

const binding = (kind: string, role: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci\n`;

/** A RoleBinding to cluster-admin is namespace-wide admin; a ClusterRoleBinding is the whole cluster. */
export const rbacClusterAdminBindingCheck: Check<KubernetesCheckInput> = {
  meta: {
    id: 'K8S-021',
    slug: 'rbac-cluster-admin-binding',
    target: 'kubernetes',
    title: 'Subject is bound to cluster-admin',
    severity: 'HIGH',
    rationale: 'cluster-admin allows every action on every resource. A ClusterRoleBinding to it makes the subject (often a CI or operator service account) root over the whole cluster; a RoleBinding makes it all-powerful in the namespace, including its secrets.',
    remediation: 'Bind a role that lists only the needed permissions; keep cluster-admin for break-glass human access.',
    references: { trivy: 'KSV111', polaris: 'clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole', urls: [RBAC_URL] },
    examples: {
      bad: [{ description: 'ClusterRoleBinding to cluster-admin', input: binding('ClusterRoleBinding', 'cluster-admin') }],
      good: [{ description: 'Binding to a narrow role', input: binding('ClusterRoleBinding', 'deployment-reader') }],
    },
  },
  run(input) {
    return input.objects
      .filter((o) => (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && getIn(o.value, ['roleRef', 'name']) === 'cluster-admin' && getIn(o.value, ['roleRef', 'kind']) !== 'Role')
      .map((o) => {
        const subjects = Array.isArray(o.value.subjects) ? o.value.subjects.map((s) => `${String(getIn(s, ['kind']))}/${String(getIn(s, ['name']))}`) : [];
        const scope = o.kind === 'ClusterRoleBinding' ? 'the whole cluster' : `namespace ${o.namespace ?? '(default)'}`;
        return hitAt(input, o, `${o.kind} ${o.name} grants cluster-admin over ${scope} to ${subjects.join(', ') || 'no subjects'}`, ['roleRef', 'name']);
      });
  },
};
