/**
 * Policy mode: every image of the pod template against the policy file, with the digest each tag
 * resolved to; failure policy on errors and timeouts. The registry is faked here (registry.test.ts
 * uses the real loopback registry) except for the unreachable-registry case, which uses the real
 * resolver against a closed port.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageReference } from '../../src/source/registry/reference.js';
import { createAdmissionContext, handleAdmissionReview, type AdmissionOptions } from '../../src/server/admission/index.js';
import { freePort } from '../helpers/registry.js';
import { allowOnly, fixture, policy, responseOf } from './helpers.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

function fakeResolver(calls: string[] = []) {
  return async (ref: ImageReference) => {
    calls.push(`${ref.registry}/${ref.repository}:${ref.tag}`);
    return DIGEST;
  };
}

const ctx = (over: AdmissionOptions = {}) => createAdmissionContext({ policy: allowOnly('docker.io/library/**', 'ghcr.io/example/**', 'docker.io/nginxinc/**'), resolveDigest: fakeResolver(), ...over });

describe('admission with a policy', () => {
  it('denies an image from a registry the policy does not allow, naming image, container and rule', async () => {
    const calls: string[] = [];
    const r = responseOf(await handleAdmissionReview(fixture('statefulset-disallowed-registry'), ctx({ resolveDigest: fakeResolver(calls) })));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /^Bulwark denied StatefulSet team-a\/db: 1 reason\n/);
    assert.match(r.status?.message ?? '', /- image quay\.io\/evil\/postgres:16 \(container postgres\): allowedRepositories: quay\.io\/evil\/postgres is not an allowed repository/);
    // decided from the reference: the disallowed registry was never contacted
    assert.deepEqual(calls, []);
    assert.match(r.auditAnnotations?.['policy-sha256'] ?? '', /^[0-9a-f]{64}$/);
  });

  it('admits allowed images and records the resolved digest per image in the audit annotations', async () => {
    const calls: string[] = [];
    const r = responseOf(await handleAdmissionReview(fixture('pod-ok'), ctx({ resolveDigest: fakeResolver(calls) })));
    assert.equal(r.allowed, true, r.status?.message);
    const images = JSON.parse(r.auditAnnotations?.images ?? '[]') as { image: string; digest: string; containers: string[] }[];
    assert.deepEqual(images.map((i) => [i.image, i.digest, i.containers]), [
      ['ghcr.io/example/migrate:2.1', DIGEST, ['init container migrate']],
      ['docker.io/nginxinc/nginx-unprivileged:1.27', DIGEST, ['container nginx']],
    ]);
    assert.equal(calls.length, 2);
  });

  it('lists policy and baseline reasons together', async () => {
    const body = fixture('deployment-docker-sock') as { request: { object: { spec: { template: { spec: { containers: { image: string }[] } } } } } };
    body.request.object.spec.template.spec.containers[0]!.image = 'registry.evil.example/miner:1';
    const r = responseOf(await handleAdmissionReview(body, ctx()));
    const lines = (r.status?.message ?? '').split('\n').slice(1);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^- image registry\.evil\.example\/miner:1 \(container runner\): allowedRepositories: /);
    assert.match(lines[1]!, /^- Pod Security baseline \(HostPath Volumes\)/);
  });

  it('warn mode admits policy violations with warnings', async () => {
    const r = responseOf(await handleAdmissionReview(fixture('statefulset-disallowed-registry'), ctx({ mode: 'warn' })));
    assert.equal(r.allowed, true);
    assert.match(r.warnings?.[0] ?? '', /^\[bulwark\] image quay\.io\/evil\/postgres:16 \(container postgres\): allowedRepositories/);
  });

  it('requireDigest: a tag is refused with the digest to pin, a digest reference passes without the registry', async () => {
    const p = policy('apiVersion: bulwark.dev/v1\nkind: Policy\nrules:\n  requireDigest: true\n');
    const r = responseOf(await handleAdmissionReview(fixture('pod-ok'), ctx({ policy: p })));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /requireDigest: docker\.io\/nginxinc\/nginx-unprivileged:1\.27 is not pinned by digest/);
    const pinned = fixture('pod-ok') as { request: { object: { spec: { containers: { image: string }[]; initContainers?: unknown } } } };
    pinned.request.object.spec.containers[0]!.image = `docker.io/nginxinc/nginx-unprivileged@${DIGEST}`;
    delete pinned.request.object.spec.initContainers;
    const calls: string[] = [];
    const ok = responseOf(await handleAdmissionReview(pinned, ctx({ policy: p, resolveDigest: fakeResolver(calls) })));
    assert.equal(ok.allowed, true, ok.status?.message);
    assert.deepEqual(calls, []);
  });

  it('an expired exception does not waive, and says so', async () => {
    const p = policy(`apiVersion: bulwark.dev/v1
kind: Policy
rules:
  allowedRepositories: ["docker.io/library/**"]
exceptions:
  - owner: data-team
    reason: migration
    expires: "2020-01-31"
    scope: { repositories: ["quay.io/evil/**"], rule: allowedRepositories }
`);
    const r = responseOf(await handleAdmissionReview(fixture('statefulset-disallowed-registry'), ctx({ policy: p })));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /exception #0 by data-team expired 2020-01-31/);
  });

  it('a crafted image name cannot forge reason lines, and annotations stay bounded', async () => {
    const body = fixture('pod-ok') as { request: { object: { spec: { containers: { image: string }[] } } } };
    body.request.object.spec.containers[0]!.image = `quay.io/evil/x:1\n- Pod Security baseline: all good${'x'.repeat(20_000)}`;
    const r = responseOf(await handleAdmissionReview(body, ctx()));
    assert.equal(r.allowed, false);
    assert.equal((r.status?.message ?? '').split('\n').length, 2);
    assert.match(r.status?.message ?? '', /quay\.io\/evil\/x:1\\u000a- Pod Security/);
    for (const v of Object.values(r.auditAnnotations ?? {})) assert.ok(v.length <= 10 * 1024);
  });

  it('an image name that does not parse is a reason', async () => {
    const body = fixture('pod-ok') as { request: { object: { spec: { containers: { image: string }[] } } } };
    body.request.object.spec.containers[0]!.image = 'Bad Image!';
    const r = responseOf(await handleAdmissionReview(body, ctx()));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /invalid image reference "Bad Image!"/);
  });
});

describe('admission failure policy', () => {
  async function unreachable(over: AdmissionOptions) {
    const port = await freePort();
    const body = fixture('pod-from-replicaset', `127.0.0.1:${port}`);
    return responseOf(await handleAdmissionReview(body, createAdmissionContext({
      policy: allowOnly('127.0.0.1:*/**'),
      registry: { plainHttpRegistries: [`127.0.0.1:${port}`], retries: 0, timeoutMs: 2_000 },
      ...over,
    })));
  }

  it('registry unreachable, fail-closed: denied, naming the image and the cause', async () => {
    const r = await unreachable({ failurePolicy: 'closed' });
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /could not evaluate the request and denies it \(failure policy closed\): image 127\.0\.0\.1:\d+\/team\/app:v1 \(container app\): could not be evaluated: /);
    assert.match(r.status?.message ?? '', /refused|unreachable|ECONNREFUSED/i);
    assert.equal(r.auditAnnotations?.decision, 'fail-closed');
  });

  it('registry unreachable, fail-open: admitted with a warning and an audit annotation', async () => {
    const r = await unreachable({ failurePolicy: 'open' });
    assert.equal(r.allowed, true);
    assert.match(r.warnings?.[0] ?? '', /^\[bulwark\] not evaluated, admitted \(failure policy open\): image 127\.0\.0\.1/);
    assert.equal(r.auditAnnotations?.decision, 'fail-open');
    assert.match(r.auditAnnotations?.error ?? '', /could not be evaluated/);
  });

  it('a registry that never answers hits the explicit timeout', async () => {
    const hang = () => new Promise<string>(() => {});
    const started = Date.now();
    const closed = responseOf(await handleAdmissionReview(fixture('pod-ok'), ctx({ resolveDigest: hang, timeoutMs: 150 })));
    assert.ok(Date.now() - started < 2_000);
    assert.equal(closed.allowed, false);
    assert.match(closed.status?.message ?? '', /timed out after 150 ms/);
    const open = responseOf(await handleAdmissionReview(fixture('pod-ok'), ctx({ resolveDigest: hang, timeoutMs: 150, failurePolicy: 'open' })));
    assert.equal(open.allowed, true);
    assert.match(open.warnings?.[0] ?? '', /timed out after 150 ms/);
  });

  it('a violation found before the deadline still denies, even fail-open', async () => {
    const hang = () => new Promise<string>(() => {});
    const body = fixture('pod-ok') as { request: { object: { spec: { containers: { image: string }[] } } } };
    body.request.object.spec.containers[0]!.image = 'quay.io/evil/x:1';
    const r = responseOf(await handleAdmissionReview(body, ctx({ resolveDigest: hang, timeoutMs: 100, failurePolicy: 'open' })));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /allowedRepositories/);
    assert.match(r.status?.message ?? '', /timed out/);
  });

  it('an evaluator that throws follows the failure policy; failures are not cached', async () => {
    let n = 0;
    const flaky = async () => {
      n++;
      if (n === 1) throw new Error('scanner crashed');
      return { pass: true, violations: [], exceptionsApplied: [], expiredExceptions: [], warnings: [], rulesEvaluated: [] };
    };
    const c = ctx({ evaluateImage: flaky, policy: allowOnly('docker.io/**') });
    const body = fixture('daemonset-ok');
    const first = responseOf(await handleAdmissionReview(body, c));
    assert.equal(first.allowed, false);
    assert.match(first.status?.message ?? '', /scanner crashed/);
    const second = responseOf(await handleAdmissionReview(body, c));
    assert.equal(second.allowed, true);
    assert.equal(n, 2);
  });
});
