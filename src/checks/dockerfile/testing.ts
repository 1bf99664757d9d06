/**
 * The test vocabulary for Dockerfile checks (hadolint's `ruleCatches` / `ruleCatchesNot`):
 * a check hits a Dockerfile, at a valid line (and at `line` when given), or it does not.
 */
import assert from 'node:assert/strict';
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { parseDockerfile } from './parse.js';

/** Runs one check over Dockerfile text. */
export function runOn(check: Check<DockerfileCheckInput>, text: string): CheckHit[] {
  return check.run(parseDockerfile(text, 'Dockerfile'));
}

/** Asserts the check hits the text, every hit on a line of the file (and one on `line` when given). */
export function ruleCatches(check: Check<DockerfileCheckInput>, text: string, line?: number): CheckHit[] {
  const hits = runOn(check, text);
  const id = check.meta.id;
  assert.ok(hits.length > 0, `${id} should hit:\n${text}`);
  const lines = text.split('\n').length;
  for (const h of hits) {
    const l = h.location?.line;
    assert.ok(l !== undefined && l >= 1 && l <= lines, `${id} hit has a valid line (got ${l}, file has ${lines})`);
    assert.equal(h.location?.path, 'Dockerfile');
  }
  if (line !== undefined) assert.ok(hits.some((h) => h.location?.line === line), `${id} should hit line ${line}, got ${hits.map((h) => h.location?.line).join(',')}`);
  return hits;
}

/** Asserts the check does not hit the text. */
export function ruleCatchesNot(check: Check<DockerfileCheckInput>, text: string): void {
  const hits = runOn(check, text);
  assert.deepEqual(hits.map((h) => `${h.location?.line}: ${h.message}`), [], `${check.meta.id} should not hit:\n${text}`);
}
