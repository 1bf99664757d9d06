import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareGem, isValidGem } from './gem.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

const vectors: Row[] = [
  // rubygems test/rubygems/test_gem_version.rb: test_spaceship
  ['1.0', '1.0.0', 0],
  ['1.0', '1.0.a', 1],
  ['1.8.2', '0.0.0', 1],
  ['1.8.2', '1.8.2.a', 1],
  ['1.8.2.b', '1.8.2.a', 1],
  ['1.8.2.a', '1.8.2', -1],
  ['1.8.2.a10', '1.8.2.a9', 1],
  ['', '0', 0],
  ['0.beta.1', '0.0.beta.1', 0],
  ['0.0.beta', '0.0.beta.1', -1],
  ['0.0.beta', '0.beta.1', -1],
  ['5.a', '5.0.0.rc2', -1],
  ['5.x', '5.0.0.rc2', 1],
  // test_semver
  ['1.0.0-alpha', '1.0.0-alpha.1', -1],
  ['1.0.0-alpha.1', '1.0.0-beta.2', -1],
  ['1.0.0-beta.2', '1.0.0-beta.11', -1],
  ['1.0.0-beta.11', '1.0.0-rc.1', -1],
  ['1.0.0-rc1', '1.0.0', -1],
  ['1.0.0-1', '1', -1],
  // test_equals2, test_eql_eh (== ignores trailing zeros), test_initialize, test_hash
  ['1.2', '1.2', 0],
  ['1.2', '1.3', -1],
  ['1.2.b1', '1.2.b.1', 0],
  ['1.2', '1.2.0', 0],
  ['1.2.pre.1', '1.2.0.pre.1.0', 0],
  ['1.0', '1.0 ', 0],
  ['1.0', ' 1.0 ', 0],
  ['1.0', '1.0\n', 0],
  ['1.0', '\n1.0\n', 0],
  // test_release: a release is newer than its pre-releases
  ['1.2.0.a', '1.2.0', -1],
  ['1.1.rc10', '1.1', -1],
  ['1.9.3.alpha.5', '1.9.3', -1],
  // test_frozen_version
  ['1.freeze.test', '1', -1],
  // test_bump results are newer
  ['5.2.4', '5.3', -1],
  ['5.2.4.a10', '5.3', -1],
];

test('compareGem matches test_gem_version.rb', () => {
  for (const [a, b, want] of vectors) {
    assert.equal(sign(compareGem(a, b)), want, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    assert.equal(sign(compareGem(b, a)), -want || 0, `${JSON.stringify(b)} vs ${JSON.stringify(a)}`);
  }
});

test('isValidGem: test_initialize_invalid, test_empty_version, test_prerelease', () => {
  for (const bad of ['junk', '1.0\n2.0', '1..2', '1.2 3.4',
    '2.3422222.222.222222222.22222.ads0as.dasd0.ddd2222.2.qd3e.']) {
    assert.equal(isValidGem(bad), false, JSON.stringify(bad));
  }
  for (const ok of ['   ', ' ', '1.2.0.a', '2.9.b', '22.1.50.0.d', '1.2.d.42', '1.A', '1-1', '1-a', '5.1']) {
    assert.equal(isValidGem(ok), true, JSON.stringify(ok));
  }
  const start = performance.now();
  isValidGem('0.'.repeat(127) + '.');
  assert.ok(performance.now() - start < 50);
});
