import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRpm, isValidRpm, parseRpm } from './rpm.js';
import { VersionError } from './errors.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

const vectors: Row[] = [
  // rpm tests/rpmvercmp.at
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0', '1.0', 1],
  ['2.0.1', '2.0.1', 0],
  ['2.0', '2.0.1', -1],
  ['2.0.1', '2.0', 1],
  ['2.0.1a', '2.0.1a', 0],
  ['2.0.1a', '2.0.1', 1],
  ['2.0.1', '2.0.1a', -1],
  ['5.5p1', '5.5p1', 0],
  ['5.5p1', '5.5p2', -1],
  ['5.5p2', '5.5p1', 1],
  ['5.5p10', '5.5p10', 0],
  ['5.5p1', '5.5p10', -1],
  ['5.5p10', '5.5p1', 1],
  ['10xyz', '10.1xyz', -1],
  ['10.1xyz', '10xyz', 1],
  ['xyz10', 'xyz10', 0],
  ['xyz10', 'xyz10.1', -1],
  ['xyz10.1', 'xyz10', 1],
  ['xyz.4', 'xyz.4', 0],
  ['xyz.4', '8', -1],
  ['8', 'xyz.4', 1],
  ['xyz.4', '2', -1],
  ['2', 'xyz.4', 1],
  ['5.5p2', '5.6p1', -1],
  ['5.6p1', '5.5p2', 1],
  ['5.6p1', '6.5p1', -1],
  ['6.5p1', '5.6p1', 1],
  ['6.0.rc1', '6.0', 1],
  ['6.0', '6.0.rc1', -1],
  ['10b2', '10a1', 1],
  ['10a2', '10b2', -1],
  ['1.0aa', '1.0aa', 0],
  ['1.0a', '1.0aa', -1],
  ['1.0aa', '1.0a', 1],
  ['10.0001', '10.0001', 0],
  ['10.0001', '10.1', 0],
  ['10.1', '10.0001', 0],
  ['10.0001', '10.0039', -1],
  ['10.0039', '10.0001', 1],
  ['4.999.9', '5.0', -1],
  ['5.0', '4.999.9', 1],
  ['20101121', '20101121', 0],
  ['20101121', '20101122', -1],
  ['20101122', '20101121', 1],
  ['2_0', '2_0', 0],
  ['2.0', '2_0', 0],
  ['2_0', '2.0', 0],
  // rpmvercmp.at: RhBug:178798 case
  ['a', 'a', 0],
  ['a+', 'a+', 0],
  ['a+', 'a_', 0],
  ['a_', 'a+', 0],
  ['+a', '+a', 0],
  ['+a', '_a', 0],
  ['_a', '+a', 0],
  ['+_', '+_', 0],
  ['_+', '+_', 0],
  ['_+', '_+', 0],
  ['+', '_', 0],
  ['_', '+', 0],
  // rpmvercmp.at: tilde sorting
  ['1.0~rc1', '1.0~rc1', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0', '1.0~rc1', 1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc2', '1.0~rc1', 1],
  ['1.0~rc1~git123', '1.0~rc1~git123', 0],
  ['1.0~rc1~git123', '1.0~rc1', -1],
  ['1.0~rc1', '1.0~rc1~git123', 1],
  // rpmvercmp.at: caret sorting
  ['1.0^', '1.0^', 0],
  ['1.0^', '1.0', 1],
  ['1.0', '1.0^', -1],
  ['1.0^git1', '1.0^git1', 0],
  ['1.0^git1', '1.0', 1],
  ['1.0', '1.0^git1', -1],
  ['1.0^git1', '1.0^git2', -1],
  ['1.0^git2', '1.0^git1', 1],
  ['1.0^git1', '1.01', -1],
  ['1.01', '1.0^git1', 1],
  ['1.0^20160101', '1.0^20160101', 0],
  ['1.0^20160101', '1.0.1', -1],
  ['1.0.1', '1.0^20160101', 1],
  ['1.0^20160101^git1', '1.0^20160101^git1', 0],
  ['1.0^20160102', '1.0^20160101^git1', 1],
  ['1.0^20160101^git1', '1.0^20160102', -1],
  // rpmvercmp.at: tilde and caret sorting
  ['1.0~rc1^git1', '1.0~rc1^git1', 0],
  ['1.0~rc1^git1', '1.0~rc1', 1],
  ['1.0~rc1', '1.0~rc1^git1', -1],
  ['1.0^git1~pre', '1.0^git1~pre', 0],
  ['1.0^git1', '1.0^git1~pre', 1],
  ['1.0^git1~pre', '1.0^git1', -1],

  // knqyf263/go-rpm-version version_test.go (TestParseAndCompare): Oracle Linux corner
  // cases, tilde against caret, caret next to release and epoch, epochs
  ['2.9.1-6.0.1.el7_2.3', '2.9.1-6.el7_2.3', 1],
  ['3.10.0-327.28.3.el7', '3.10.0-327.el7', 1],
  ['3.14.3-23.3.el6_8', '3.14.3-23.el6_7', 1],
  ['2.23.2-22.el7_1', '2.23.2-22.el7_1.1', -1],
  ['1.0^', '1.0~', 1],
  ['1.0~rc1', '1.0^git1', -1],
  ['1.0-1^', '1.0-1', 1],
  ['1.0-1^git1', '1.0-1.1', -1],
  ['1:1.0^git1', '1:1.0', 1],
  ['1.0^~', '1.0', 1],
  ['^1.0', '1.0', -1],
  ['1.0^^1', '1.0^1', -1],
  ['1:1.0~rc1', '0:1.0~rc1', 1],
  ['1.0~rc1', '2:1.0~rc1', -1],
  ['3:1.0~rc1', '3:1.0~rc1', 0],
];

test('compareRpm matches upstream vectors', () => {
  for (const [a, b, want] of vectors) {
    assert.equal(sign(compareRpm(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareRpm(b, a)), -want || 0, `${b} vs ${a}`);
  }
});

test('parseRpm follows parseEVR', () => {
  // go-rpm-version version_test.go (TestNewVersion), adapted to rpm's own parseEVR:
  // a non-numeric "epoch" is not an epoch, it stays part of the version.
  const rows: [string, [string, string, string]][] = [
    ['0', ['0', '0', '']],
    ['0:0', ['0', '0', '']],
    ['0:0-', ['0', '0', '']],
    ['0:0-0', ['0', '0', '0']],
    ['1:0', ['1', '0', '']],
    ['0:0-0-0', ['0', '0-0', '0']],
    ['0:0:0-0', ['0', '0:0', '0']],
    ['A:1.2.3', ['0', 'A:1.2.3', '']],
    ['6.0-4.el6.x86_64', ['0', '6.0', '4.el6.x86_64']],
    ['c105b9de-4e0fd3a3', ['0', 'c105b9de', '4e0fd3a3']],
    ['4.999.9-0.5.beta.20091007git.el6', ['0', '4.999.9', '0.5.beta.20091007git.el6']],
  ];
  for (const [v, [epoch, version, release]] of rows) {
    assert.deepEqual(parseRpm(v), { epoch, version, release }, v);
  }
});

test('isValidRpm rejects empty, whitespace and over-long input', () => {
  assert.equal(isValidRpm('1.0-1.el9'), true);
  assert.equal(isValidRpm(''), false);
  assert.equal(isValidRpm('0:0 0-1'), false);
  assert.equal(isValidRpm('1'.repeat(300)), false);
  assert.throws(() => compareRpm('', '1'), VersionError);
});
