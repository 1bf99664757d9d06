/** scanKubernetes end to end: workload kinds, List, JSON, Helm origins, lines, suppression, bad input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { isKubernetesManifest, scanKubernetes } from './scan.js';

const ids = (text: string) => scanKubernetes(text, 'm.yaml').findings.map((f) => f.checkId);

describe('scanKubernetes', () => {
  it('finds the pod template in every workload kind', () => {
    const tpl = (indent: string) => `${indent}spec:\n${indent}  containers:\n${indent}    - name: app\n${indent}      image: x:1\n${indent}      securityContext:\n${indent}        privileged: true\n`;
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];
    for (const kind of kinds) {
      const text = `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n${tpl('    ')}`;
      const f = scanKubernetes(text, 'm.yaml').findings.find((x) => x.checkId === 'K8S-001');
      assert.ok(f, kind);
      assert.equal(f.location?.object, `${kind}/w container app`);
      assert.equal(f.location?.line, 12);
    }
    const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n${tpl('        ')}`;
    const f = scanKubernetes(cron, 'm.yaml').findings.find((x) => x.checkId === 'K8S-001');
    assert.equal(f?.location?.object, 'CronJob/c container app');
    assert.equal(f?.location?.line, 15);
  });

  it('reads JSON and kind: List, and names init containers', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { initContainers: [{ name: 'init', image: 'x:1', securityContext: { privileged: true } }], containers: [] } }],
    }, null, 2);
    const f = scanKubernetes(json, 'l.json').findings.find((x) => x.checkId === 'K8S-001');
    assert.equal(f?.location?.object, 'Pod/p init container init');
    assert.ok((f?.location?.line ?? 0) > 1);
  });

  it('reports the Helm template an object was rendered from', () => {
    const text = '---\n# Source: web/templates/deployment.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers: []\n';
    const f = scanKubernetes(text, 'rendered.yaml').findings.find((x) => x.checkId === 'K8S-009');
    assert.match(f?.message ?? '', /rendered from web\/templates\/deployment\.yaml/);
    assert.equal(f?.location?.line, 8);
  });

  it('container settings override pod settings', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: x:1\n    - name: b\n      image: x:1\n      securityContext:\n        runAsUser: 0\n';
    const f = scanKubernetes(text, 'm.yaml').findings.filter((x) => x.checkId === 'K8S-003');
    assert.deepEqual(f.map((x) => x.location?.object), ['Pod/p container b']);
    assert.equal(f[0]?.location?.line, 14);
  });

  it('applies inline suppressions and reports them', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  # bulwark:ignore K8S-009 node exporter needs the host PID namespace\n  hostPID: true\n  containers: []\n';
    const r = scanKubernetes(text, 'm.yaml');
    assert.ok(!r.findings.some((f) => f.checkId === 'K8S-009'));
    assert.equal(r.suppressed[0]?.finding.checkId, 'K8S-009');
    assert.equal(r.suppressed[0]?.reason, 'node exporter needs the host PID namespace');
  });

  it('ignores non-workload objects and warns about documents without kind', () => {
    const r = scanKubernetes('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\nfoo: bar\n---\n', 'm.yaml');
    assert.deepEqual(r.findings, []);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /document 2/);
  });

  it('a hardened deployment has no findings', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: ghcr.io/acme/web:1.4.2@sha256:${'a1'.repeat(32)}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            limits: { cpu: 500m, memory: 256Mi }
`;
    assert.deepEqual(ids(text), []);
  });

  it('malformed input is one error line naming file and document', () => {
    for (const bad of ['apiVersion: v1\n---\nkind: [unclosed\n', '{"kind": "Pod",']) {
      assert.throws(() => scanKubernetes(bad, 'bad.yaml'), (e: unknown) => {
        assert.ok(isBulwarkError(e, 'MALFORMED_CONFIG'));
        assert.match(e.message, /^bad\.yaml: document \d+: /);
        assert.ok(!e.message.includes('\n'));
        return true;
      });
    }
  });

  it('alias bombs and deep nesting fail fast instead of hanging', () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 0; i < 9; i++) bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]\n`;
    const start = Date.now();
    assert.throws(() => scanKubernetes(`kind: Pod\n${bomb}`, 'bomb.yaml'), (e: unknown) => isBulwarkError(e, 'MALFORMED_CONFIG'));
    assert.throws(() => scanKubernetes('['.repeat(200_000), 'deep.yaml'), (e: unknown) => isBulwarkError(e));
    assert.ok(Date.now() - start < 5000);
    assert.throws(() => scanKubernetes('a'.repeat(9 * 1024 * 1024), 'big.yaml'), (e: unknown) => isBulwarkError(e, 'TOO_LARGE'));
  });

  it('isKubernetesManifest', () => {
    assert.equal(isKubernetesManifest('apiVersion: v1\nkind: Pod\n'), true);
    assert.equal(isKubernetesManifest('{"apiVersion":"v1","kind":"Pod"}'), true);
    assert.equal(isKubernetesManifest('services:\n  web:\n    image: x\n'), false);
    assert.equal(isKubernetesManifest('FROM alpine\n'), false);
  });
});
