import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareApk, isValidApk } from './apk.js';
import { VersionError } from './errors.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

// alpinelinux/apk-tools test/version.data, verbatim: one "a <op> b" per line, "#" comments.
function upstreamVectors(): Row[] {
  const text = readFileSync(new URL('./__fixtures__/apk-version.data', import.meta.url), 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const [a, op, b] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!a || !op || !b) continue;
    rows.push([a, b, op === '<' ? -1 : op === '>' ? 1 : 0]);
  }
  return rows;
}

const extra: Row[] = [
  // Suffix order from apk-tools src/version.c (pre_suffixes, post_suffixes), and the
  // -rN revision, checked against `apk version -t` semantics.
  ['1.0_alpha', '1.0_beta', -1],
  ['1.0_beta', '1.0_pre', -1],
  ['1.0_pre', '1.0_rc', -1],
  ['1.0_rc', '1.0', -1],
  ['1.0', '1.0_cvs', -1],
  ['1.0_cvs', '1.0_svn', -1],
  ['1.0_svn', '1.0_git', -1],
  ['1.0_git', '1.0_hg', -1],
  ['1.0_hg', '1.0_p', -1],
  ['1.0_p1', '1.0_p1-r1', -1],
  ['1.0-r0', '1.0', 1], // apk treats an explicit -r0 as newer than no revision
  ['1.0-r9', '1.0-r10', -1],
  ['1.0a', '1.0b', -1],
  ['1.0', '1.0a', -1],
  // apk-tools 3 test/unit/version.data (row quoted in public analyses; the file itself
  // was not available): a leading zero makes the component compare as a string.
  ['8.2.0015', '8.2.002', -1],
  // apk-tools 3 grammar: a ~hash sits between suffixes and the revision.
  ['1.0~abc', '1.0~abd', -1],
  ['1.0~abc', '1.0~abc-r1', -1],
];

test('compareApk matches apk-tools test/version.data', () => {
  const rows = upstreamVectors();
  assert.ok(rows.length > 700);
  for (const [a, b, want] of [...rows, ...extra]) {
    assert.equal(sign(compareApk(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareApk(b, a)), -want || 0, `${b} vs ${a}`);
  }
});

test('isValidApk follows apk_version_validate', () => {
  const rows: [string, boolean][] = [
    ['1.2.3', true],
    ['1.2.3-r0', true],
    ['1.2.3a_rc1_p2-r5', true],
    ['2.3.0b-r1', true],
    ['0.1.0_alpha_pre2', true],
    ['1.0bc', false], // test/version.data marks this one invalid
    ['23_foo', false],
    ['1.0-1', false],
    ['1.0_rc1.2', false],
    ['1.0-r1.2', false],
    ['1.0_git20240101~0123abcd-r2', true],
    ['1.0~xyz', false],
    ['1.0a1', false], // apk 3 no longer allows a number after the letter
    ['', false],
  ];
  for (const [v, want] of rows) assert.equal(isValidApk(v), want, v);
});

test('compareApk bounds its input', () => {
  assert.throws(() => compareApk('1', '1'.repeat(1000)), VersionError);
  assert.equal(sign(compareApk('1.' + '9'.repeat(200), '1.' + '9'.repeat(199))), 1);
});
