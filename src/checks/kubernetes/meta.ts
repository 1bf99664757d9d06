/** Shared bits of K8S- check metadata: reference URLs and tiny example builders. */

export const PSS_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const RBAC_URL = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';

/** A Pod manifest with one container `app` whose spec lines are `containerLines` (indented by the helper). */
export function podWith(containerLines: string, podLines = ''): string {
  const c = containerLines ? `\n${containerLines.replace(/^/gm, '      ')}` : '';
  const p = podLines ? `\n${podLines.replace(/^/gm, '  ')}` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:${p}\n  containers:\n    - name: app\n      image: nginx:1.27@sha256:${'ab'.repeat(32)}${c}\n`;
}
