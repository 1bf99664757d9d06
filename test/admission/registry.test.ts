/**
 * Policy mode against the real loopback registry (Debian's docker-registry), behind a counting proxy:
 * tags resolve to the pushed digest, the digest is in the audit annotations, the ReplicaSet and Pod
 * that follow a Deployment reuse the verdict without asking the registry again, and a policy that
 * needs the image's contents scans it through gatherFacts (the `bulwark policy check` path).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildImage } from '../../src/image/writer.js';
import { createAdmissionContext, handleAdmissionReview } from '../../src/server/admission/index.js';
import { pushImage } from '../../src/source/registry/index.js';
import { debianLikeSpec } from '../helpers/fixtures.js';
import { REGISTRY_SKIP, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { allowOnly, countingProxy, fixture, policy, responseOf } from './helpers.js';

describe('admission against the loopback registry', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let dir: string;
  let digest: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-admission-'));
    reg = await startRegistry();
    proxy = await countingProxy(reg.host);
    digest = (await pushImage(`${reg.host}/team/app:v1`, await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-'))), { plainHttp: true })).digest;
  });
  after(async () => {
    await proxy?.close();
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const images = (r: ReturnType<typeof responseOf>) => JSON.parse(r.auditAnnotations?.images ?? '[]') as { image: string; reference: string; digest?: string; containers: string[] }[];

  it('resolves the tag to its digest once: the ReplicaSet and the Pod that follow hit the cache', async () => {
    const ctx = createAdmissionContext({ policy: allowOnly('127.0.0.1:*/team/**'), registry: { plainHttpRegistries: [proxy.host] } });
    const start = proxy.requests.length;

    const deploy = responseOf(await handleAdmissionReview(fixture('deployment-registry-image', proxy.host), ctx));
    assert.equal(deploy.allowed, true, deploy.status?.message);
    const [img] = images(deploy);
    assert.equal(img?.digest, digest);
    assert.deepEqual(img?.containers, ['init container wait', 'container app']);
    assert.equal(deploy.auditAnnotations?.cache, 'hits=0 misses=1');
    const asked = proxy.requests.length - start;
    assert.ok(asked >= 1, 'the registry was asked for the tag');
    assert.ok(proxy.requests.slice(start).every((r) => r.includes('/v2/team/app/manifests/v1') || r === 'GET /v2/'), proxy.requests.join(', '));

    for (const name of ['replicaset-registry-image', 'pod-from-replicaset']) {
      const r = responseOf(await handleAdmissionReview(fixture(name, proxy.host), ctx));
      assert.equal(r.allowed, true, r.status?.message);
      assert.equal(images(r)[0]?.digest, digest);
      assert.equal(r.auditAnnotations?.cache, 'hits=1 misses=0', name);
    }
    assert.equal(proxy.requests.length - start, asked, 'no further registry requests');
  });

  it('evaluates content rules on the pinned digest (bannedPackages through gatherFacts), then caches the verdict', async () => {
    const p = policy('apiVersion: bulwark.dev/v1\nkind: Policy\nrules:\n  bannedPackages:\n    - name: curl\n      reason: no network tools in production images\n');
    const ctx = createAdmissionContext({ policy: p, registry: { plainHttpRegistries: [proxy.host] }, gather: { cacheDir: dir, scan: { cacheDir: dir, noCache: true } } });
    const r = responseOf(await handleAdmissionReview(fixture('pod-from-replicaset', proxy.host), ctx));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', new RegExp(`image ${proxy.host.replace(/\./g, '\\.')}/team/app:v1 \\(container app\\): bannedPackages: .*curl`));
    assert.equal(images(r)[0]?.digest, digest);
    const blobsFetched = proxy.requests.filter((q) => q.includes('/blobs/')).length;
    assert.ok(blobsFetched >= 1, 'the image was scanned');
    const before = proxy.requests.length;
    const again = responseOf(await handleAdmissionReview(fixture('pod-from-replicaset', proxy.host), ctx));
    assert.equal(again.allowed, false);
    assert.equal(again.auditAnnotations?.cache, 'hits=1 misses=0');
    assert.equal(proxy.requests.length, before);
  });

  it('an unknown tag is an evaluation error, decided by the failure policy', async () => {
    const body = fixture('pod-from-replicaset', proxy.host);
    const text = JSON.stringify(body).replace('team/app:v1', 'team/app:missing');
    const ctx = createAdmissionContext({ policy: allowOnly('127.0.0.1:*/team/**'), registry: { plainHttpRegistries: [proxy.host] } });
    const r = responseOf(await handleAdmissionReview(JSON.parse(text), ctx));
    assert.equal(r.allowed, false);
    assert.match(r.status?.message ?? '', /team\/app:missing .*could not be evaluated: manifest unknown/);
  });
});
