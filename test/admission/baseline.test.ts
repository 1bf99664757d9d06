/**
 * Without a policy file the webhook enforces the Pod Security baseline on every pod template: what a
 * fresh install protects. Fixtures are AdmissionReview v1 payloads as the API server sends them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdmissionContext, handleAdmissionReview } from '../../src/server/admission/index.js';
import { fixture, responseOf } from './helpers.js';

function noRegistry(): never {
  throw new Error('the baseline needs no registry');
}
const ctx = (over = {}) => createAdmissionContext({ resolveDigest: noRegistry, evaluateImage: noRegistry, ...over });
const review = async (name: string, over = {}) => responseOf(await handleAdmissionReview(fixture(name), ctx(over)));

describe('admission without a policy: Pod Security baseline', () => {
  it('denies a privileged Pod, naming control, field and object', async () => {
    const r = await review('pod-privileged');
    assert.equal(r.allowed, false);
    assert.equal(r.uid, '705ab4f5-6393-11e8-b7cc-42010a800001');
    assert.equal(r.status?.code, 403);
    assert.match(r.status?.message ?? '', /^Bulwark denied Pod team-a\/debug-shell: 1 reason\n/);
    assert.match(r.status?.message ?? '', /Pod Security baseline \(Privileged Containers\): spec\.containers\[0\]\.securityContext\.privileged: privileged container/);
    assert.equal(r.auditAnnotations?.decision, 'denied');
  });

  it('admits a Pod that meets the baseline', async () => {
    const r = await review('pod-ok');
    assert.equal(r.allowed, true);
    assert.equal(r.status, undefined);
    assert.equal(r.auditAnnotations?.decision, 'allowed');
  });

  it('denies a Deployment mounting the Docker socket, with the template path', async () => {
    const r = await review('deployment-docker-sock');
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /Deployment team-a\/ci-runner/);
    assert.match(r.status?.message ?? '', /HostPath Volumes\): spec\.template\.spec\.volumes\[0\]\.hostPath: hostPath volume \/var\/run\/docker\.sock/);
  });

  it('denies a CronJob on the host network', async () => {
    const r = await review('cronjob-hostnetwork');
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /Host Namespaces\): spec\.jobTemplate\.spec\.template\.spec\.hostNetwork: hostNetwork is true/);
  });

  it('covers Job, ReplicationController and the ephemeralcontainers subresource', async () => {
    assert.match((await review('job-hostpid')).status?.message ?? '', /spec\.template\.spec\.hostPID/);
    assert.match((await review('rc-hostport')).status?.message ?? '', /Host Ports\): spec\.template\.spec\.containers\[0\]\.ports\[0\]\.hostPort: hostPort 80/);
    const eph = await review('pod-ephemeral-sysadmin');
    assert.equal(eph.allowed, false);
    assert.match(eph.status?.message ?? '', /Capabilities\): spec\.ephemeralContainers\[0\]\.securityContext\.capabilities\.add: adds capability SYS_ADMIN/);
    assert.doesNotMatch(eph.status?.message ?? '', /NET_BIND_SERVICE/);
    assert.equal((await review('daemonset-ok')).allowed, true);
  });

  it('lists every reason in one message', async () => {
    const body = fixture('pod-privileged') as { request: { object: { spec: Record<string, unknown> } } };
    Object.assign(body.request.object.spec, { hostPID: true, hostIPC: true, volumes: [{ name: 'root', hostPath: { path: '/' } }] });
    const r = responseOf(await handleAdmissionReview(body, ctx()));
    assert.match(r.status?.message ?? '', /: 4 reasons\n/);
    assert.equal(r.status?.message?.split('\n').filter((l) => l.startsWith('- ')).length, 4);
  });

  it('warn mode admits with one warning per reason', async () => {
    const r = await review('deployment-docker-sock', { mode: 'warn' });
    assert.equal(r.allowed, true);
    assert.equal(r.auditAnnotations?.decision, 'warned');
    assert.equal(r.warnings?.length, 1);
    assert.match(r.warnings![0]!, /^\[bulwark\] Pod Security baseline \(HostPath Volumes\)/);
    assert.ok(r.warnings!.every((w) => w.length <= 256));
  });

  it('exempts listed namespaces, and evaluates dry runs like any request', async () => {
    const r = await review('pod-privileged', { exemptNamespaces: ['team-a'] });
    assert.equal(r.allowed, true);
    assert.equal(r.auditAnnotations?.decision, 'exempt');
    const dry = fixture('pod-privileged') as { request: { dryRun: boolean } };
    dry.request.dryRun = true;
    const d = responseOf(await handleAdmissionReview(dry, ctx()));
    assert.equal(d.allowed, false);
    assert.equal(d.auditAnnotations?.['dry-run'], 'true');
  });

  it('pod security none turns the baseline off', async () => {
    assert.equal((await review('pod-privileged', { podSecurity: 'none' })).allowed, true);
  });

  it('admits updates that leave the pod spec as it was (labels, finalizers)', async () => {
    const r = await review('pod-update-labels-only');
    assert.equal(r.allowed, true);
    assert.equal(r.auditAnnotations?.decision, 'unchanged');
  });

  it('skips DELETE, other kinds and other subresources', async () => {
    assert.equal((await review('pod-delete')).auditAnnotations?.decision, 'skipped');
    assert.equal((await review('configmap-create')).auditAnnotations?.decision, 'skipped');
    const status = fixture('pod-privileged') as { request: Record<string, unknown> };
    status.request.subResource = 'status';
    assert.equal(responseOf(await handleAdmissionReview(status, ctx())).allowed, true);
  });
});

describe('admission: malformed reviews', () => {
  const bad: [string, unknown][] = [
    ['not an object', 'hello'],
    ['null', null],
    ['wrong apiVersion', { ...fixture('pod-ok'), apiVersion: 'admission.k8s.io/v1beta1' }],
    ['no request', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }],
    ['unknown operation', { ...fixture('pod-ok'), request: { ...(fixture('pod-ok').request as object), operation: 'PATCH' } }],
    ['kind not an object', { ...fixture('pod-ok'), request: { ...(fixture('pod-ok').request as object), kind: 'Pod' } }],
    ['object a list', { ...fixture('pod-ok'), request: { ...(fixture('pod-ok').request as object), object: [1, 2] } }],
    ['object missing on CREATE', { ...fixture('pod-ok'), request: { ...(fixture('pod-ok').request as object), object: null } }],
    ['a Deployment without a template', { ...fixture('deployment-docker-sock'), request: { ...(fixture('deployment-docker-sock').request as object), object: { kind: 'Deployment', spec: { template: 'x' } } } }],
  ];
  for (const [name, body] of bad) {
    it(`${name}: fail-closed denies with a 400 status, fail-open admits with a warning`, async () => {
      const closed = responseOf(await handleAdmissionReview(body, ctx()));
      assert.equal(closed.allowed, false);
      assert.equal(closed.status?.code, 400);
      assert.match(closed.status?.message ?? '', /could not evaluate/);
      assert.equal(closed.auditAnnotations?.decision, 'fail-closed');
      const open = responseOf(await handleAdmissionReview(body, ctx({ failurePolicy: 'open' })));
      assert.equal(open.allowed, true);
      assert.match(open.warnings?.[0] ?? '', /failure policy open/);
    });
  }

  it('echoes the uid when it can be read', async () => {
    const body = { ...fixture('pod-ok'), request: { ...(fixture('pod-ok').request as object), operation: 'PATCH' } };
    assert.equal(responseOf(await handleAdmissionReview(body, ctx())).uid, '705ab4f5-6393-11e8-b7cc-42010a800002');
    assert.equal(responseOf(await handleAdmissionReview('x', ctx())).uid, '');
  });

  it('survives hostile shapes inside the object', async () => {
    const body = fixture('pod-ok') as { request: { object: { spec: Record<string, unknown>; metadata: unknown } } };
    body.request.object.spec.containers = [null, 5, 'x', { name: 1, image: 7, securityContext: 'no', ports: 'many' }, { image: { a: 1 } }];
    body.request.object.spec.volumes = { hostPath: 1 };
    body.request.object.metadata = [];
    const r = responseOf(await handleAdmissionReview(body, ctx()));
    assert.equal(typeof r.allowed, 'boolean');
  });
});
