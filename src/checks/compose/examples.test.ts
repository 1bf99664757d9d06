/** Every compose check's own examples: bad ones hit (at valid lines), good ones do not. */
import { describe, it } from 'node:test';
import { composeChecks } from './registry.js';
import { composeCatches, composeCatchesNot } from './testing.js';

describe('compose check examples', () => {
  for (const check of composeChecks) {
    const meta = check.meta;
    for (const ex of meta.examples.bad) {
      it(`${meta.id} catches: ${ex.description}`, () => {
        composeCatches(check, ex.input as string);
      });
    }
    for (const ex of meta.examples.good) {
      it(`${meta.id} passes: ${ex.description}`, () => composeCatchesNot(check, ex.input as string));
    }
  }
});
