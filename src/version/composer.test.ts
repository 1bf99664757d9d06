import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareComposer, isValidComposer, normalizeComposer, phpVersionCompare } from './composer.js';
import { sign } from './numeric.js';

test('normalizeComposer: VersionParserTest::successfulNormalizedVersions', () => {
  // composer/semver tests/VersionParserTest.php. The old '9999999-dev' spelling of
  // dev-master is left out: composer/semver 3 keeps "dev-master".
  const rows: [string, string][] = [
    ['1.0.0', '1.0.0.0'],
    ['1.2.3.4', '1.2.3.4'],
    ['1.0.0RC1dev', '1.0.0.0-RC1-dev'],
    ['1.0.0-rC15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0.RC.15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0-rc1', '1.0.0.0-RC1'],
    ['1.0.0.pl3-dev', '1.0.0.0-patch3-dev'],
    ['1.0-dev', '1.0.0.0-dev'],
    ['0', '0.0.0.0'],
    ['10.4.13-beta', '10.4.13.0-beta'],
    ['10.4.13beta2', '10.4.13.0-beta2'],
    ['10.4.13beta.2', '10.4.13.0-beta2'],
    ['10.4.13-b', '10.4.13.0-beta'],
    ['10.4.13-b5', '10.4.13.0-beta5'],
    ['v1.0.0', '1.0.0.0'],
    ['2010.01', '2010.01.0.0'],
    ['2010.01.02', '2010.01.02.0'],
    ['2010.1.555', '2010.1.555.0'],
    ['2010.10.200', '2010.10.200.0'],
    ['v20100102', '20100102'],
    ['2010-01-02', '2010.01.02'],
    ['2010-01-02.5', '2010.01.02.5'],
    ['20100102-203040', '20100102.203040'],
    ['20150920.0.0', '20150920.0.0'],
    ['20100102203040-10', '20100102203040.10'],
    ['20100102-203040-p1', '20100102.203040-patch1'],
    ['1.x-dev', '1.9999999.9999999.9999999-dev'],
    ['dev-feature-foo', 'dev-feature-foo'],
    ['DEV-FOOBAR', 'dev-FOOBAR'],
    ['dev-feature/foo', 'dev-feature/foo'],
    ['dev-feature+issue-1', 'dev-feature+issue-1'],
    ['dev-master', 'dev-master'],
    ['dev-master as 1.0.0', 'dev-master'],
    ['1.0.0-beta.5+foo', '1.0.0.0-beta5'],
    ['1.0.0+foo', '1.0.0.0'],
    ['1.0.0-alpha.3.1+foo', '1.0.0.0-alpha3.1'],
    ['1.0.0-alpha2.1+foo', '1.0.0.0-alpha2.1'],
    ['1.0.0-alpha-2.1-3+foo', '1.0.0.0-alpha2.1-3'],
    ['1.0.0+foo as 2.0', '1.0.0.0'],
    ['1.0@dev', '1.0.0.0'],
  ];
  for (const [input, want] of rows) assert.equal(normalizeComposer(input), want, input);
});

test('isValidComposer: VersionParserTest::failingNormalizedVersions', () => {
  for (const bad of ['', 'a', '1.0.0-meh', '1.0.0.0.0', 'feature-foo', '1.0.0+foo bar']) {
    assert.equal(isValidComposer(bad), false, JSON.stringify(bad));
  }
  const start = performance.now();
  isValidComposer('1.0-beta' + '1'.repeat(240) + 'x');
  isValidComposer('1.' + '-1'.repeat(120) + 'x');
  assert.ok(performance.now() - start < 50);
});

test('compareComposer: ComparatorTest providers', () => {
  // composer/semver tests/ComparatorTest.php (greaterThan, lessThan, equalTo, compare)
  const rows: [string, string, number][] = [
    ['1.25.0', '1.24.0', 1],
    ['1.25.0', '1.25.0', 0],
    ['1.25.0', '1.26.0', -1],
    ['1.26.0', 'dev-foo', 1],
    ['1.0.0', '1.2-dev', -1],
    ['1.25.0-beta2.1', '1.25.0-b.3', -1],
    ['1.25.0-b2.1', '1.25.0beta.3', -1],
    ['1.25.0-b-2.1', '1.25.0-rc', -1],
    ['1.25.0-beta2.1', '1.25.0-b.2.1', 0],
    ['1.25.0beta2.1', '1.25.0-b2.1', 0],
    // Stability order from VersionParser (dev < alpha < beta < RC < stable < patch)
    ['1.0.0-dev', '1.0.0-alpha', -1],
    ['1.0.0-alpha', '1.0.0-beta', -1],
    ['1.0.0-beta', '1.0.0-RC1', -1],
    ['1.0.0-RC1', '1.0.0', -1],
    ['1.0.0', '1.0.0-patch1', -1],
    ['1.0.0-p1', '1.0.0-pl2', -1],
    ['v1.0', '1.0.0.0', 0],
    ['1.0.0-beta1-dev', '1.0.0-beta1', -1],
    ['1.x-dev', '1.99.0', 1],
  ];
  for (const [a, b, want] of rows) {
    assert.equal(sign(compareComposer(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareComposer(b, a)), -want || 0, `${b} vs ${a}`);
  }
  // Composer: dev-foo vs dev-master is neither <, = nor >; we only promise "not equal".
  assert.notEqual(compareComposer('dev-foo', 'dev-master'), 0);
});

test('phpVersionCompare: PHP manual examples', () => {
  // php.net version_compare() documentation and its special-form order
  assert.equal(phpVersionCompare('5.2', '5.2.0'), -1);
  assert.equal(phpVersionCompare('1.0rc1', '1.0'), -1);
  assert.equal(phpVersionCompare('1.0', '1.0.0'), -1);
  assert.equal(phpVersionCompare('1.0pl1', '1.0'), 1);
  assert.equal(phpVersionCompare('1.0-dev', '1.0a1'), -1);
  assert.equal(phpVersionCompare('1.0.0-alpha', '1.0.0-a'), 0);
});
