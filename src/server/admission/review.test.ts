/** Reading AdmissionReviews defensively, and the response envelope. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReview, reviewOf, uidOf } from './review.js';

const request = {
  uid: 'e911857d-c318-11e8-bbad-025000000001',
  kind: { group: '', version: 'v1', kind: 'Pod' },
  resource: { group: '', version: 'v1', resource: 'pods' },
  operation: 'CREATE',
  namespace: 'default',
  object: { kind: 'Pod', spec: { containers: [] } },
};

describe('parseReview', () => {
  it('accepts a v1 review and ignores fields it does not read', () => {
    const r = parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { ...request, options: { kind: 'CreateOptions' }, requestKind: request.kind } });
    assert.equal(r.ok, true);
  });

  it('says where a review is malformed, and keeps a readable uid', () => {
    const r = parseReview({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { ...request, resource: 'pods' } });
    assert.deepEqual(r, { ok: false, uid: request.uid, problem: r.ok ? '' : r.problem });
    assert.match(r.ok ? '' : r.problem, /^request\.resource: /);
  });

  it('reads no uid from hostile or odd values', () => {
    for (const body of [null, 'x', [], { request: [] }, { request: { uid: 5 } }, { request: { uid: '' } }, { request: { uid: 'a b' } }, { request: { uid: 'x'.repeat(129) } }]) assert.equal(uidOf(body), undefined);
  });
});

describe('reviewOf', () => {
  it('leaves out empty warnings and annotations', () => {
    assert.deepEqual(reviewOf({ uid: 'u', allowed: true, warnings: [], auditAnnotations: {} }), { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'u', allowed: true } });
  });
});
