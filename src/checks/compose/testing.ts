/** The test vocabulary for compose checks: a check hits compose YAML at valid lines, or does not. */
import assert from 'node:assert/strict';
import type { Check, CheckHit } from '../types.js';
import type { ComposeCheckInput } from './input.js';
import { parseCompose } from './parse.js';

/** Asserts the check hits the YAML, every hit on a line of the file (and one on `line` when given). */
export function composeCatches(check: Check<ComposeCheckInput>, yaml: string, line?: number): CheckHit[] {
  const hits = check.run(parseCompose(yaml, 'compose.yaml'));
  const id = check.meta.id;
  assert.ok(hits.length > 0, `${id} should hit:\n${yaml}`);
  const lines = yaml.split('\n').length;
  for (const h of hits) {
    const l = h.location?.line;
    assert.ok(l !== undefined && l >= 1 && l <= lines, `${id} hit has a valid line (got ${l})`);
    assert.match(h.location?.object ?? '', /^service /);
  }
  if (line !== undefined) assert.ok(hits.some((h) => h.location?.line === line), `${id} should hit line ${line}, got ${hits.map((h) => h.location?.line).join(',')}`);
  return hits;
}

/** Asserts the check does not hit the YAML. */
export function composeCatchesNot(check: Check<ComposeCheckInput>, yaml: string): void {
  const hits = check.run(parseCompose(yaml, 'compose.yaml'));
  assert.deepEqual(hits.map((h) => `${h.location?.line}: ${h.message}`), [], `${check.meta.id} should not hit:\n${yaml}`);
}
