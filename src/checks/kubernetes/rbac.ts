/** Helpers over RBAC Role/ClusterRole rules. */
import type { CheckHit } from '../types.js';
import type { K8sObject, KubernetesCheckInput, NodePath } from './input.js';

/** A rule with its string lists (lower-cased verbs) and its path in the object. */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  path: NodePath;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}

/** Runs `fn` over every rule of every Role and ClusterRole. */
export function eachRule(input: KubernetesCheckInput, fn: (o: K8sObject, r: RbacRule) => CheckHit | CheckHit[] | undefined): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const o of input.objects) {
    if (o.kind !== 'Role' && o.kind !== 'ClusterRole') continue;
    const rules = o.value.rules;
    if (!Array.isArray(rules)) continue;
    for (const [i, raw] of rules.entries()) {
      if (typeof raw !== 'object' || raw === null) continue;
      const r = raw as Record<string, unknown>;
      const h = fn(o, { apiGroups: strings(r.apiGroups), resources: strings(r.resources), verbs: strings(r.verbs).map((v) => v.toLowerCase()), path: ['rules', i] });
      if (h) hits.push(...(Array.isArray(h) ? h : [h]));
    }
  }
  return hits;
}

/** Does the rule cover the core API group? */
export function coreGroup(r: RbacRule): boolean {
  return r.apiGroups.length === 0 || r.apiGroups.includes('') || r.apiGroups.includes('*');
}

/** A Role/ClusterRole manifest with one rule (for examples). */
export function roleYaml(kind: 'Role' | 'ClusterRole', rule: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rule.replace(/^/gm, '  ')}\n`;
}
