/** Every K8S- check's examples: bad ones hit (with a line and object), good ones do not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifests } from './parse.js';
import { kubernetesChecks } from './registry.js';

describe('kubernetes check examples', () => {
  for (const check of kubernetesChecks) {
    const { id } = check.meta;
    for (const ex of check.meta.examples.bad) {
      it(`${id} bad: ${ex.description}`, () => {
        const { objects } = parseManifests(ex.input as string, 'example.yaml');
        const hits = check.run({ path: 'example.yaml', objects });
        assert.ok(hits.length > 0, `${id} should hit`);
        for (const h of hits) {
          assert.ok((h.location?.line ?? 0) >= 1, 'hit has a line');
          assert.ok(h.location?.object, 'hit names the object');
        }
      });
    }
    for (const ex of check.meta.examples.good) {
      it(`${id} good: ${ex.description}`, () => {
        const { objects } = parseManifests(ex.input as string, 'example.yaml');
        assert.deepEqual(check.run({ path: 'example.yaml', objects }), []);
      });
    }
  }
});
