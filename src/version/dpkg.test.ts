import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDpkg, isValidDpkg, parseDpkg } from './dpkg.js';
import { VersionError } from './errors.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

const vectors: Row[] = [
  // dpkg scripts/t/Dpkg_Version.t (__DATA__ section). Its last row, "-0.6.5 0.9.1 -1",
  // is left out: the C parser (t-version.c) rejects an empty upstream version as an error.
  ['1.0-1', '2.0-2', -1],
  ['2.2~rc-4', '2.2-1', -1],
  ['2.2-1', '2.2~rc-4', 1],
  ['1.0000-1', '1.0-1', 0],
  ['1', '0:1', 0],
  ['0', '0:0-0', 0],
  ['2:2.5', '1:7.5', 1],
  ['1:0foo', '0foo', 1],
  ['0:0foo', '0foo', 0],
  ['0foo', '0foo', 0],
  ['0foo-', '0foo', 0],
  ['0foo-', '0foo-0', 0],
  ['0foo', '0fo', 1],
  ['0foo-', '0foo+', -1],
  ['0foo~1', '0foo', -1],
  ['0foo~foo+Bar', '0foo~foo+bar', -1],
  ['0foo~~', '0foo~', -1],
  ['1~', '1', -1],
  ['12345+that-really-is-some-ver-0', '12345+that-really-is-some-ver-10', -1],
  ['0foo-0', '0foo-01', -1],
  ['0foo.bar', '0foobar', 1],
  ['0foo.bar', '0foo1bar', 1],
  ['0foo.bar', '0foo0bar', 1],
  ['0foo1bar-1', '0foobar-1', -1],
  ['0foo2.0', '0foo2', 1],
  ['0foo2.0.0', '0foo2.10.0', -1],
  ['0foo2.0', '0foo2.0.0', -1],
  ['0foo2.0', '0foo2.10', -1],
  ['0foo2.1', '0foo2.10', -1],
  ['1.09', '1.9', 0],
  ['1.0.8+nmu1', '1.0.8', 1],
  ['3.11', '3.10+nmu1', 1],
  ['0.9j-20080306-4', '0.9i-20070324-2', 1],
  ['1.2.0~b7-1', '1.2.0~b6-1', 1],
  ['1.011-1', '1.06-2', 1],
  ['0.0.9+dfsg1-1', '0.0.8+dfsg1-3', 1],
  ['4.6.99+svn6582-1', '4.6.99+svn6496-1', 1],
  ['53', '52', 1],
  ['0.9.9~pre122-1', '0.9.9~pre111-1', 1],
  ['2:2.3.2-2+lenny2', '2:2.3.2-2', 1],
  ['1:3.8.1-1', '3.8.GA-1', 1],
  ['1.0.1+gpl-1', '1.0.1-2', 1],
  ['1a', '1000a', -1],

  // dpkg lib/dpkg/t/t-version.c (test_version_compare, test_version_parse)
  ['0:0-0', '0:0-0', 0],
  ['0:0-00', '0:00-0', 0],
  ['1:2-3', '1:2-3', 0],
  ['0:0-0', '1:0-0', -1],
  ['0:a-0', '0:b-0', -1],
  ['0:0-a', '0:0-b', -1],
  ['0:1-1', '0:2-1', -1],
  ['0:1-1', '0:1-2', -1],
  ['0:0', '0', 0],
  ['0:0-', '0', 0],
  ['0:0.0-0.0', '0.0-0.0', 0],
  ['1:0', '1:0', 0],
  ['0:0-0-0', '0-0-0', 0],
  ['0:0:0-0', '0:0:0-0', 0],
  ['0:09azAZ.-+~:-0', '0:09azAZ.-+~:-0', 0],
  ['  \t0:0-1', '0:0-1', 0],
  ['0:0-1\t  ', '0:0-1', 0],

  // knqyf263/go-deb-version version_test.go (TestVersion, TestLessThan, TestGreaterThan)
  ['2:7.4.052-1ubuntu3', '2:7.4.052-1ubuntu3.1', -1],
  ['2:7.4.052-1ubuntu2', '2:7.4.052-1ubuntu3', -1],
  ['2:7.4.052-1', '2:7.4.052-1ubuntu3', -1],
  ['2:7.4.052', '2:7.4.052-1', -1],
  ['1:7.4.052', '2:7.4.052', -1],
  ['1:7.4.052', '7.4.052', 1],
  ['2:7.4.052-1ubuntu3.2', '2:7.4.052-1ubuntu3.1', 1],
  ['2:7.4.052-1ubuntu1', '2:7.4.052-1', 1],
  ['2:6.0-9ubuntu1.4', '2:6.0-9ubuntu1.5', -1],
  ['7.4.052', '7.4.052-1ubuntu2', -1],
  ['1.9.1-2', '1.16-1+deb8u1', -1],
  ['1.9-2', '1.9.1-1+deb8u1', -1],
  ['7.4.052', '2:7.4.052', -1],
  ['6.0-4.el6.x86_64', '6.0-5.el6.x86_64', -1],
  ['6.0-4.el6.x86_64', '6.1-3.el6.x86_64', -1],
  ['7.0-4.el6.x86_64', '6.1-3.el6.x86_64', 1],
];

test('compareDpkg matches upstream vectors', () => {
  for (const [a, b, want] of vectors) {
    assert.equal(sign(compareDpkg(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareDpkg(b, a)), -want || 0, `${b} vs ${a}`);
  }
});

test('parseDpkg splits epoch, upstream and revision', () => {
  // t-version.c: multiple hyphens and colons
  assert.deepEqual(parseDpkg('0:0-0-0'), { epoch: 0, upstream: '0-0', revision: '0', strict: true });
  assert.deepEqual(parseDpkg('0:0:0-0'), { epoch: 0, upstream: '0:0', revision: '0', strict: true });
  assert.deepEqual(parseDpkg('0:0-0:0-0'), { epoch: 0, upstream: '0-0:0', revision: '0', strict: true });
});

const validity: [string, boolean][] = [
  // t-version.c: errors
  ['', false],
  ['  ', false],
  ['0:', false],
  ['0:0 0-1', false],
  ['-1:0-1', false],
  ['999999999999999999999999:0-1', false],
  ['a:0-0', false],
  ['A:0-0', false],
  ['-0', false],
  ['0:-0', false],
  // t-version.c: warnings (dpkg still compares these; isValid is strict)
  ['0:abc3-0', false],
  ['0:0-0:0', false],
  ...[...'!#@$%&/|\\<>()[]{};,_=*^\''].map((c): [string, boolean] => [`0:0${c}-0`, false]),
  // knqyf263/go-deb-version version_test.go (TestValid)
  ['1.2.3', true],
  ['1:1.2.3', true],
  ['A:1.2.3', false],
  ['-1:1.2.3', false],
  // go-deb-version calls this valid, but dpkg rejects '_' in a revision (t-version.c).
  ['6.0-4.el6.x86_64', false],
  ['6.0-9ubuntu1.5', true],
  ['2:7.4.052-1ubuntu3.1', true],
  ['2:-1ubuntu3.1', false],
  ['2:A7.4.052-1ubuntu3.1', false],
  ['2:7.4.!052-1ubuntu3.1', false],
  ['7.4.052-!1ubuntu3.1', false],
];

test('isValidDpkg follows dpkg errors and warnings', () => {
  for (const [v, want] of validity) assert.equal(isValidDpkg(v), want, JSON.stringify(v));
});

test('compareDpkg throws VersionError on parse errors and stays fast on hostile input', () => {
  assert.throws(() => compareDpkg('a:1', '1'), VersionError);
  assert.throws(() => compareDpkg('1', 'x'.repeat(10_000)), VersionError);
  const long = '1' + '~a.0'.repeat(60);
  const start = performance.now();
  compareDpkg(long, long + '1');
  assert.ok(performance.now() - start < 50);
});
