/**
 * deploy/: the plain manifests parse, pass Bulwark's own K8S- checks without a HIGH or CRITICAL
 * finding, grant no RBAC, configure the webhook as docs/admission.md says, pass flags the command
 * accepts, and are admitted by the webhook itself. Helm is not available to render the chart here,
 * so the chart gets static checks: every .Values path exists in values.yaml, blocks are balanced,
 * the policy in values.yaml is valid, and the flags match the command's.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parse, parseAllDocuments } from 'yaml';
import { scanKubernetes } from '../../src/checks/kubernetes/scan.js';
import { parsePolicy } from '../../src/policy/index.js';
import { admissionOptionsFromFlags, createAdmissionContext, DEFAULT_TIMEOUT_MS, handleAdmissionReview, registerAdmissionCommand, WORKLOAD_KINDS, type AdmissionFlags } from '../../src/server/admission/index.js';
import { responseOf } from './helpers.js';

type Obj = Record<string, any>;
const DEPLOY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'deploy');
const MANIFESTS = join(DEPLOY, 'manifests');
const CHART = join(DEPLOY, 'helm', 'bulwark');

const files = readdirSync(MANIFESTS).filter((f) => f.endsWith('.yaml')).sort();
const objects: Obj[] = files.flatMap((f) => parseAllDocuments(readFileSync(join(MANIFESTS, f), 'utf8')).map((d) => {
  assert.deepEqual(d.errors, [], f);
  return d.toJS() as Obj;
}));
const byKind = (kind: string) => objects.filter((o) => o.kind === kind);

/** Parses container args with the real command definition; returns its flags. */
function parseArgs(args: string[]): AdmissionFlags {
  const program = new Command().exitOverride();
  registerAdmissionCommand(program, async () => {});
  const cmd = program.commands.find((c) => c.name() === 'admission')!;
  cmd.exitOverride();
  program.parse(['node', 'bulwark', ...args]);
  return cmd.opts() as AdmissionFlags;
}

describe('deploy/manifests', () => {
  it('parses, and every object has apiVersion, kind and a name', () => {
    assert.ok(files.length >= 5);
    for (const o of objects) assert.ok(o.apiVersion && o.kind && o.metadata?.name, JSON.stringify(o).slice(0, 80));
  });

  for (const f of files) {
    it(`${f}: no HIGH or CRITICAL finding from bulwark's own K8S- checks`, () => {
      const res = scanKubernetes(readFileSync(join(MANIFESTS, f), 'utf8'), f);
      const bad = res.findings.filter((x) => x.severity === 'HIGH' || x.severity === 'CRITICAL');
      assert.deepEqual(bad.map((x) => `${x.checkId} ${x.message}`), []);
    });
  }

  it('grants no RBAC and mounts no token', () => {
    for (const k of ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) assert.deepEqual(byKind(k), [], k);
    assert.equal(byKind('ServiceAccount')[0]?.automountServiceAccountToken, false);
    assert.equal(byKind('Deployment')[0]?.spec.template.spec.automountServiceAccountToken, false);
  });

  it('runs hardened: non-root, read-only root, no capabilities, RuntimeDefault seccomp, limits', () => {
    const pod = byKind('Deployment')[0]!.spec.template.spec;
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault');
    for (const c of pod.containers) {
      assert.equal(c.securityContext.readOnlyRootFilesystem, true);
      assert.equal(c.securityContext.allowPrivilegeEscalation, false);
      assert.deepEqual(c.securityContext.capabilities.drop, ['ALL']);
      assert.ok(c.resources.limits.cpu && c.resources.limits.memory);
    }
  });

  it('configures the webhook: v1 reviews, no side effects, fail closed, timeout above the handler\'s, exclusions, every workload kind', () => {
    const hook = byKind('ValidatingWebhookConfiguration')[0]!.webhooks[0];
    assert.deepEqual(hook.admissionReviewVersions, ['v1']);
    assert.equal(hook.sideEffects, 'None');
    assert.equal(hook.failurePolicy, 'Fail');
    assert.ok(hook.timeoutSeconds * 1000 > DEFAULT_TIMEOUT_MS && hook.timeoutSeconds <= 30);
    assert.equal(hook.clientConfig.service.path, '/admission');
    assert.equal(hook.clientConfig.caBundle, '${CA_BUNDLE}');
    const names = hook.namespaceSelector.matchExpressions.find((e: Obj) => e.key === 'kubernetes.io/metadata.name');
    assert.equal(names.operator, 'NotIn');
    assert.deepEqual([...names.values].sort(), ['bulwark', 'kube-system']);
    const resources = new Set<string>(hook.rules.flatMap((r: Obj) => r.resources.map((x: string) => `${r.apiGroups[0]}/${x}`)));
    for (const [group, kinds] of Object.entries(WORKLOAD_KINDS)) {
      for (const kind of kinds) assert.ok(resources.has(`${group}/${kind.toLowerCase()}s`), `${group}/${kind}`);
    }
    assert.ok(resources.has('/pods/ephemeralcontainers'));
    for (const r of hook.rules) assert.deepEqual(r.operations, ['CREATE', 'UPDATE']);
  });

  it('passes flags the command accepts, and ships a valid policy', async () => {
    const container = byKind('Deployment')[0]!.spec.template.spec.containers[0];
    const flags = parseArgs(container.args);
    assert.equal(flags.host, '0.0.0.0');
    const { options } = await admissionOptionsFromFlags(flags);
    assert.equal(options.mode, 'enforce');
    assert.equal(options.failurePolicy, 'closed');
    assert.deepEqual(options.exemptNamespaces, ['kube-system', 'bulwark']);
    const cm = byKind('ConfigMap').find((c) => c.metadata.name === 'bulwark-policy')!;
    assert.ok(parsePolicy(cm.data['policy.yaml'], 'policy.yaml').policy.rules.allowedRepositories);
  });

  it('is admitted by the webhook itself (were its namespace not excluded)', async () => {
    const deployment = { ...byKind('Deployment')[0]!, metadata: { ...byKind('Deployment')[0]!.metadata, namespace: 'default' } };
    const review = {
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      request: { uid: '0b9d7d9e-1111-4222-8333-944455556666', kind: { group: 'apps', version: 'v1', kind: 'Deployment' }, resource: { group: 'apps', version: 'v1', resource: 'deployments' }, name: 'bulwark-admission', namespace: 'default', operation: 'CREATE', object: deployment },
    };
    const r = responseOf(await handleAdmissionReview(review, createAdmissionContext()));
    assert.equal(r.allowed, true, r.status?.message);
  });
});

describe('deploy/helm/bulwark (static checks; helm is not installed here)', () => {
  const templates = readdirSync(join(CHART, 'templates')).map((f) => ({ f, text: readFileSync(join(CHART, 'templates', f), 'utf8') }));
  const values = parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')) as Obj;

  it('has a v2 Chart.yaml', () => {
    const chart = parse(readFileSync(join(CHART, 'Chart.yaml'), 'utf8')) as Obj;
    assert.equal(chart.apiVersion, 'v2');
    assert.equal(chart.name, 'bulwark');
    assert.match(chart.version, /^\d+\.\d+\.\d+/);
  });

  it('every .Values path a template reads exists in values.yaml', () => {
    for (const { f, text } of templates) {
      for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
        let cur: unknown = values;
        for (const k of m[1]!.slice(1).split('.')) {
          assert.ok(cur && typeof cur === 'object' && k in (cur as Obj), `${f}: .Values${m[1]} is not in values.yaml`);
          cur = (cur as Obj)[k];
        }
      }
    }
  });

  it('balances its template blocks and actions', () => {
    for (const { f, text } of templates) {
      assert.equal((text.match(/\{\{/g) ?? []).length, (text.match(/\}\}/g) ?? []).length, f);
      const opens = (text.match(/\{\{-?\s*(if|range|with|define)\b/g) ?? []).length;
      const ends = (text.match(/\{\{-?\s*end\b/g) ?? []).length;
      assert.equal(opens, ends, f);
    }
  });

  it('ships a valid example policy, and only passes flags the command knows', () => {
    assert.ok(parsePolicy(values.policy.content, 'values.yaml').policy);
    const program = new Command();
    registerAdmissionCommand(program, async () => {});
    const known = new Set(program.commands.find((c) => c.name() === 'admission')!.options.map((o) => o.long));
    const deployment = templates.find((t) => t.f === 'deployment.yaml')!.text;
    for (const m of deployment.matchAll(/^\s*- (--[a-z-]+)=/gm)) assert.ok(known.has(m[1]!), m[1]);
    assert.ok(['enforce', 'warn'].includes(values.mode) && ['open', 'closed'].includes(values.failurePolicy));
    assert.ok(values.webhook.timeoutSeconds * 1000 > DEFAULT_TIMEOUT_MS);
  });
});
