import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFuzzy, isValidFuzzy } from './fuzzy.js';
import { sign } from './numeric.js';

// No upstream defines these rules (fuzzy.ts is our own approximation); the rows are the
// behaviour we promise, several borrowed from the rpm and dpkg vectors above.
const vectors: [string, string, number][] = [
  ['1.0', '1.0.0', 0],
  ['v1.2.3', '1.2.3', 0],
  ['1.2.3', '1.2.10', -1],
  ['1.10', '1.9', 1],
  ['1.0.1', '1.0', 1],
  ['1.0rc1', '1.0', -1],
  ['1.0-beta', '1.0-alpha', 1],
  ['1.0-Beta', '1.0-beta', 0],
  ['2.0', '1.99.99', 1],
  ['20210101', '20201231', 1],
  ['1.0a', '1.0.1', -1],
  ['OpenSSL_1_1_1w', 'OpenSSL_1_1_1v', 1],
  ['curl-8_4_0', 'curl-8_10_0', -1],
  ['1.' + '9'.repeat(100), '1.' + '9'.repeat(99), 1],
];

test('compareFuzzy follows its documented rules', () => {
  for (const [a, b, want] of vectors) {
    assert.equal(sign(compareFuzzy(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareFuzzy(b, a)), -want || 0, `${b} vs ${a}`);
  }
  assert.equal(isValidFuzzy('---'), false);
  assert.equal(isValidFuzzy(''), false);
  assert.equal(isValidFuzzy('x'.repeat(300)), false);
});
