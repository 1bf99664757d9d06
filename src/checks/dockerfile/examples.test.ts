/** Every Dockerfile check's own examples: bad ones hit (at valid lines), good ones do not. */
import { describe, it } from 'node:test';
import { dockerfileChecks } from './registry.js';
import { ruleCatches, ruleCatchesNot } from './testing.js';

describe('Dockerfile check examples', () => {
  for (const check of dockerfileChecks) {
    const meta = check.meta;
    for (const ex of meta.examples.bad) {
      it(`${meta.id} catches: ${ex.description}`, () => {
        ruleCatches(check, ex.input as string);
      });
    }
    for (const ex of meta.examples.good) {
      it(`${meta.id} passes: ${ex.description}`, () => ruleCatchesNot(check, ex.input as string));
    }
  }
});
