import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCargo, isValidCargo } from './cargo.js';
import { compareGo, isValidGo } from './go.js';
import { compareNpm, isValidNpm } from './npm.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

function check(compare: (a: string, b: string) => number, rows: Row[]): void {
  for (const [a, b, want] of rows) {
    assert.equal(sign(compare(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compare(b, a)), -want || 0, `${b} vs ${a}`);
  }
}

/** Every earlier entry of an ascending list compares below every later one. */
function ascending(list: string[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) rows.push([list[i], list[j], -1]);
  }
  return rows;
}

// semver.org §11 example, also dtolnay/semver tests/test_version.rs (test_spec_order)
const SPEC_ORDER = [
  '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta',
  '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0',
];

test('compareGo: golang.org/x/mod semver/semver_test.go', () => {
  // The valid rows of `tests`, which the upstream TestCompare expects in ascending
  // order (rows with equal canonical forms compare equal).
  const ordered = [
    'v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-alpha.beta', 'v1.0.0-beta', 'v1.0.0-beta.2',
    'v1.0.0-beta.11', 'v1.0.0-rc.1', 'v1', 'v1.2', 'v1.2.3-456', 'v1.2.3-456.789',
    'v1.2.3-456-789', 'v1.2.3-456a', 'v1.2.3-pre', 'v1.2.3-pre.1', 'v1.2.3-zzz', 'v1.2.3',
  ];
  check(compareGo, ascending(ordered));
  check(compareGo, [
    ['v1', 'v1.0', 0],
    ['v1', 'v1.0.0', 0],
    ['v1.2', 'v1.2.0', 0],
    ['v1.2.3-pre', 'v1.2.3-pre+meta', 0],
    ['v1.2.3', 'v1.2.3+meta', 0],
    ['v1.2.3', 'v1.2.3+meta-pre', 0],
    ['v1.2.3', 'v1.2.3+meta-pre.sha.256a', 0],
    // TestCompare's explicit rows
    ['v1', 'v1', 0],
    ['v2', 'v1', 1],
    ['v1', 'v2', -1],
    ['v1.19', 'v1.2', 1],
    // Go modules reference (pseudo-versions, +incompatible); OSV form without "v"
    ['v0.0.0-20210101000000-abcdef123456', 'v0.0.1', -1],
    ['v0.0.0-20210101000000-abcdef123456', 'v0.0.0-20220101000000-abcdef123456', -1],
    ['v1.2.4-0.20210101000000-abcdef123456', 'v1.2.3', 1],
    ['v1.2.4-0.20210101000000-abcdef123456', 'v1.2.4', -1],
    ['v1.2.4-pre.0.20210101000000-abcdef123456', 'v1.2.4-pre', 1],
    ['v2.0.0+incompatible', 'v2.0.0', 0],
    ['v2.0.1+incompatible', 'v2.0.0', 1],
    ['1.2.3', 'v1.2.3', 0],
    ['0', 'v0.0.0', 0],
  ]);
  // The invalid rows of `tests`
  for (const bad of ['bad', 'v1-alpha.beta.gamma', 'v1-pre', 'v1+meta', 'v1-pre+meta',
    'v1.2-pre', 'v1.2+meta', 'v1.2-pre+meta']) {
    assert.equal(isValidGo(bad), false, bad);
    assert.throws(() => compareGo(bad, 'v1.0.0'));
  }
  assert.equal(isValidGo('v01.2.3'), false);
});

test('compareCargo: SemVer 2.0.0 precedence and dtolnay/semver tests/test_version.rs', () => {
  check(compareCargo, ascending(SPEC_ORDER));
  check(compareCargo, [
    // test_lt / test_gt / test_eq / test_ne
    ['0.0.0', '1.2.3-alpha2', -1],
    ['1.0.0', '1.2.3-alpha2', -1],
    ['1.2.0', '1.2.3-alpha2', -1],
    ['1.2.3-alpha1', '1.2.3', -1],
    ['1.2.3-alpha1', '1.2.3-alpha2', -1],
    ['1.2.3-alpha2', '1.2.3-alpha2', 0],
    ['1.2.3', '1.2.3', 0],
    ['1.2.3-alpha1+42', '1.2.3-alpha1+42', 0],
    ['0.0.0', '0.0.1', -1],
    ['0.0.0', '0.1.0', -1],
    ['1.2.3-alpha', '1.2.3-beta', -1],
    // The crate orders "1.2.3+23" < "1.2.3+42"; SemVer precedence (used here) ignores
    // build metadata, see cargo.ts.
    ['1.2.3+23', '1.2.3+42', 0],
    ['1.2.3-1.alpha1.9+build5.7.3aedf', '1.2.3-1.alpha1.9', 0],
    // test_parse accepts "1.1.0-beta-10"; as one alphanumeric identifier it sorts in ASCII order
    ['1.1.0-beta-10', '1.1.0-beta-9', -1],
  ]);
  // test_parse error rows
  for (const bad of ['', '  ', '1', '1.2', '1.2.3-', 'a.b.c', '1.2.3 abc', '1.2.3-01',
    '5.1.5++', '07', '75774777777757777757.0.0', '8\0', 'v1.2.3']) {
    assert.equal(isValidCargo(bad), false, JSON.stringify(bad));
  }
  for (const ok of ['1.2.3', '1.2.3-alpha1', '1.2.3+build5', '1.2.3+5build', '1.2.3-0a.alpha1.9+05build.7.3aedf',
    '0.4.0-beta.1+0851523', '18446744073709551615.0.0']) {
    assert.equal(isValidCargo(ok), true, ok);
  }
});

test('compareNpm: node-semver test/fixtures/comparisons.js and semver.org', () => {
  check(compareNpm, ascending(SPEC_ORDER));
  check(compareNpm, [
    ['0.0.0', '0.0.0-foo', 1],
    ['0.0.1', '0.0.0', 1],
    ['1.0.0', '0.9.9', 1],
    ['0.10.0', '0.9.0', 1],
    ['0.99.0', '0.10.0', 1],
    ['2.0.0', '1.2.3', 1],
    ['1.2.3', '1.2.3-asdf', 1],
    ['1.2.3', '1.2.3-4', 1],
    ['1.2.3', '1.2.3-4-foo', 1],
    ['1.2.3-5-foo', '1.2.3-5', 1],
    ['1.2.3-5', '1.2.3-4', 1],
    ['1.2.3-5-foo', '1.2.3-5-Foo', 1],
    ['3.0.0', '2.7.2+asdf', 1],
    ['1.2.3-a.10', '1.2.3-a.5', 1],
    ['1.2.3-a.b', '1.2.3-a.5', 1],
    ['1.2.3-a.b', '1.2.3-a', 1],
    ['1.2.3-a.b.c.10.d.5', '1.2.3-a.b.c.5.d.100', 1],
    ['1.2.3-r2', '1.2.3-r100', 1],
    ['1.2.3-r100', '1.2.3-R2', 1],
    ['1.2.3+build', '1.2.3+other', 0],
  ]);
  for (const bad of ['1.2', '01.2.3', 'not-a-version', '1.2.3.4', '~1.2.3']) {
    assert.equal(isValidNpm(bad), false, bad);
  }
  assert.throws(() => compareNpm('1.2', '1.2.0'));
});
