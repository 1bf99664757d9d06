import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePep440, isValidPep440 } from './pep440.js';
import { sign } from './numeric.js';

// pypa/packaging tests/test_version.py: VERSIONS, "This list must be in the correct
// sorting order" (the epoch-1 half is the same list with a "1!" prefix).
const BASE = [
  '1.0.dev0', '1.0.dev456', '1.0.dev456+local', '1.0a0', '1.0a0.post0.dev0', '1.0a0.post0',
  '1.0a1.dev1', '1.0a1.dev1+local', '1.0a1', '1.0a1+local', '1.0b0', '1.0b1.dev456', '1.0b2',
  '1.0b2.post345.dev456', '1.0b2.post345', '1.0b2-346', '1.0rc0', '1.0rc1.dev1', '1.0c1',
  '1.0rc2', '1.0', '1.0.post0.dev0', '1.0.post0', '1.0.post456.dev34', '1.0.post456',
  '1.0.post456+local', '1.0.1.dev1', '1.0.1a1', '1.0.1', '1.0.1+local', '1.0.1.post1',
  '1.1.dev1', '1.2+a', '1.2+abc', '1.2+abcdef', '1.2+def', '1.2+0', '1.2+1', '1.2+1.abc',
  '1.2+1.1', '1.2+1.1.0', '1.2+2', '1.2+123', '1.2+123456', '1.2.r32+123456',
  '1.2.rev33+123456',
];
const VERSIONS = [...BASE, ...BASE.map((v) => `1!${v}`)];

test('comparePep440 orders packaging VERSIONS', () => {
  let pairs = 0;
  for (let i = 0; i < VERSIONS.length; i++) {
    for (let j = 0; j < VERSIONS.length; j++) {
      const want = sign(i - j);
      assert.equal(sign(comparePep440(VERSIONS[i], VERSIONS[j])), want, `${VERSIONS[i]} vs ${VERSIONS[j]}`);
      pairs++;
    }
  }
  assert.ok(pairs > 8000);
});

// test_version.py: test_normalized_versions ([input, normalised]) and
// test_version_rc_and_c_equals; each pair must compare equal.
const EQUAL: [string, string][] = [
  ['1.0dev', '1.0.dev0'], ['1.0.dev', '1.0.dev0'], ['1.0dev1', '1.0.dev1'], ['1.0-dev', '1.0.dev0'],
  ['1.0-dev1', '1.0.dev1'], ['1.0DEV', '1.0.dev0'], ['1.0.DEV1', '1.0.dev1'], ['1.0-DEV', '1.0.dev0'],
  ['1.0a', '1.0a0'], ['1.0.a', '1.0a0'], ['1.0.a1', '1.0a1'], ['1.0-a', '1.0a0'], ['1.0-a1', '1.0a1'],
  ['1.0alpha', '1.0a0'], ['1.0.alpha1', '1.0a1'], ['1.0-alpha', '1.0a0'], ['1.0A', '1.0a0'],
  ['1.0.ALPHA1', '1.0a1'], ['1.0-ALPHA1', '1.0a1'],
  ['1.0b', '1.0b0'], ['1.0.b1', '1.0b1'], ['1.0-b', '1.0b0'], ['1.0beta', '1.0b0'], ['1.0.beta1', '1.0b1'],
  ['1.0-BETA1', '1.0b1'], ['1.0B', '1.0b0'],
  ['1.0c', '1.0rc0'], ['1.0.c1', '1.0rc1'], ['1.0-c', '1.0rc0'], ['1.0rc', '1.0rc0'], ['1.0.rc1', '1.0rc1'],
  ['1.0-RC1', '1.0rc1'], ['1.0C1', '1.0rc1'],
  ['1.0post', '1.0.post0'], ['1.0.post', '1.0.post0'], ['1.0post1', '1.0.post1'], ['1.0-post', '1.0.post0'],
  ['1.0POST1', '1.0.post1'], ['1.0r', '1.0.post0'], ['1.0rev', '1.0.post0'], ['1.0.r1', '1.0.post1'],
  ['1.0.rev1', '1.0.post1'], ['1.0-5', '1.0.post5'], ['1.0-r5', '1.0.post5'], ['1.0-rev5', '1.0.post5'],
  ['1.0+AbC', '1.0+abc'],
  ['1.01', '1.1'], ['1.0a05', '1.0a5'], ['1.0b07', '1.0b7'], ['1.0c056', '1.0rc56'], ['1.0rc09', '1.0rc9'],
  ['1.0.post000', '1.0.post0'], ['1.1.dev09000', '1.1.dev9000'], ['00!1.2', '1.2'], ['0100!0.0', '100!0.0'],
  ['v1.0', '1.0'], ['   v1.0\t\n', '1.0'], ['\u202f1.0\t\u2029\n ', '1.0'],
  ['1.0rc1', '1.0c1'],
  // PEP 440 "Release segment": trailing zeros do not change ordering
  ['1.0', '1.0.0'], ['1', '1.0.0.0'],
];

test('comparePep440 treats normalised spellings as equal', () => {
  for (const [a, b] of EQUAL) assert.equal(comparePep440(a, b), 0, `${JSON.stringify(a)} vs ${b}`);
});

test('isValidPep440 rejects test_invalid_versions', () => {
  const invalid = [
    'french toast', '1.0+a+', '1.0++', '1.0+_foobar', '1.0+foo&asd', '1.0+1+1', '1. 0', '1 .0',
    '1. 0a1', '1 .0a1', '1.0 a1', '1.0a 1', '٠١٢.٣٤٥.٦٧٨٩', '.', '..', '1..0', '1.0.', '.1.0',
    '1..2.3', '1.0+\u0130', '',
  ];
  for (const v of invalid) assert.equal(isValidPep440(v), false, JSON.stringify(v));
  for (const v of VERSIONS) assert.equal(isValidPep440(v), true, v);
});

test('comparePep440 stays fast on hostile input', () => {
  const start = performance.now();
  for (const v of ['1'.repeat(250) + '!', '1.' + '0'.repeat(200) + 'x', '1+' + 'a.'.repeat(120)]) {
    assert.equal(isValidPep440(v), false);
  }
  assert.ok(performance.now() - start < 50);
});
