import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMaven } from './maven.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

function check(rows: Row[]): void {
  for (const [a, b, want] of rows) {
    assert.equal(sign(compareMaven(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareMaven(b, a)), -want || 0, `${b} vs ${a}`);
  }
}

function ascending(list: string[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) rows.push([list[i], list[j], -1]);
  return rows;
}

// apache/maven maven-artifact ComparableVersionTest.java (Maven 3 line)
const VERSIONS_QUALIFIER = [
  '1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2',
  '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot',
  '1-1', '1-2', '1-123',
];
const VERSIONS_NUMBER = [
  '2.0', '2-1', '2.0.a', '2.0.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1',
  '2.2', '2.123', '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m',
];

test('ComparableVersionTest: testVersionsQualifier and testVersionsNumber', () => {
  check(ascending(VERSIONS_QUALIFIER));
  check(ascending(VERSIONS_NUMBER));
});

test('ComparableVersionTest: testVersionsEqual', () => {
  const equal: [string, string][] = [
    ['1', '1'], ['1', '1.0'], ['1', '1.0.0'], ['1.0', '1.0.0'], ['1', '1-0'], ['1', '1.0-0'], ['1.0', '1.0-0'],
    ['1a', '1-a'], ['1a', '1.0-a'], ['1a', '1.0.0-a'], ['1.0a', '1-a'], ['1.0.0a', '1-a'],
    ['1x', '1-x'], ['1x', '1.0-x'], ['1x', '1.0.0-x'], ['1.0x', '1-x'], ['1.0.0x', '1-x'],
    ['1ga', '1'], ['1release', '1'], ['1final', '1'], ['1cr', '1rc'],
    ['1a1', '1-alpha-1'], ['1b2', '1-beta-2'], ['1m3', '1-milestone-3'],
    ['1X', '1x'], ['1A', '1a'], ['1B', '1b'], ['1M', '1m'], ['1Ga', '1'], ['1GA', '1'], ['1RELEASE', '1'],
    ['1RELeaSE', '1'], ['1Final', '1'], ['1FinaL', '1'], ['1FINAL', '1'], ['1Cr', '1Rc'], ['1cR', '1rC'],
    ['1m3', '1Milestone3'], ['1m3', '1MileStone3'], ['1m3', '1MILESTONE3'],
    // testLocaleIndependent
    ['1-abcdefghijklmnopqrstuvwxyz', '1-ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ];
  check(equal.map(([a, b]): Row => [a, b, 0]));
});

test('ComparableVersionTest: testVersionComparing and MNG regressions', () => {
  check([
    ['1', '2', -1], ['1.5', '2', -1], ['1', '2.5', -1], ['1.0', '1.1', -1], ['1.1', '1.2', -1],
    ['1.0.0', '1.1', -1], ['1.0.1', '1.1', -1], ['1.1', '1.2.0', -1],
    ['1.0-alpha-1', '1.0', -1], ['1.0-alpha-1', '1.0-alpha-2', -1], ['1.0-alpha-1', '1.0-beta-1', -1],
    ['1.0-beta-1', '1.0-SNAPSHOT', -1], ['1.0-SNAPSHOT', '1.0', -1], ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1', -1],
    ['1.0', '1.0-1', -1], ['1.0-1', '1.0-2', -1], ['1.0.0', '1.0-1', -1],
    ['2.0-1', '2.0.1', -1], ['2.0.1-klm', '2.0.1-lmn', -1], ['2.0.1', '2.0.1-xyz', -1],
    ['2.0.1', '2.0.1-123', -1], ['2.0.1-xyz', '2.0.1-123', -1],
    // testMng5568
    ['6.1.0rc3', '6.1.0', -1], ['6.1.0rc3', '6.1H.5-beta', -1], ['6.1.0', '6.1H.5-beta', -1],
    // testMng6572
    ['20190126.230843', '1234567890.12345', -1], ['1234567890.12345', '123456789012345.1H.5-beta', -1],
    ['20190126.230843', '123456789012345.1H.5-beta', -1],
    ['123456789012345.1H.5-beta', '12345678901234567890.1H.5-beta', -1],
    ['1234567890.12345', '12345678901234567890.1H.5-beta', -1],
    ['20190126.230843', '12345678901234567890.1H.5-beta', -1],
    // testMng6964
    ['1-0.alpha', '1', -1], ['1-0.beta', '1', -1], ['1-0.alpha', '1-0.beta', -1],
  ]);
});

test('ComparableVersionTest: leading zeroes (testVersionEqualWithLeadingZeroes and zero variant)', () => {
  for (let n = 1; n <= 19; n++) {
    check([['0'.repeat(n - 1) + '1', '1', 0], ['0'.repeat(n), '0', 0]]);
  }
});
