import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNuGet, isValidNuGet } from './nuget.js';
import { sign } from './numeric.js';

type Row = [string, string, number];

const vectors: Row[] = [
  // NuGet.Client test/NuGet.Core.Tests/NuGet.Versioning.Test/VersionComparerTests.cs
  ['1.0.0', '1.0.0', 0],
  ['1.0.0-BETA', '1.0.0-beta', 0],
  ['1.0.0-BETA+AA', '1.0.0-beta+aa', 0],
  ['1.0.0-BETA.X.y.5.77.0+AA', '1.0.0-beta.x.y.5.77.0+aa', 0],
  ['0.0.0', '1.0.0', -1],
  ['1.0.0', '1.1.0', -1],
  ['1.0.0', '1.0.1', -1],
  ['1.999.9999', '2.1.1', -1],
  ['1.0.0-BETA', '1.0.0-beta2', -1],
  ['1.0.0-beta+AA', '1.0.0+aa', -1],
  ['1.0.0-BETA', '1.0.0-beta.1+AA', -1],
  ['1.0.0-BETA.X.y.5.77.0+AA', '1.0.0-beta.x.y.5.79.0+aa', -1],
  ['1.0.0-BETA.X.y.5.79.0+AA', '1.0.0-beta.x.y.5.790.0+abc', -1],
  // NuGetVersionTest.cs: SemVerLessThanAndGreaterThanOperatorsWorks
  ['1.0', '1.0.1', -1],
  ['1.23', '1.231', -1],
  ['1.4.5.6', '1.45.6', -1],
  ['1.4.5.6', '1.4.5.60', -1],
  ['1.01', '1.10', -1],
  ['1.01-alpha', '1.10-beta', -1],
  ['1.01.0-RC-1', '1.10.0-rc-2', -1],
  ['1.01-RC-1', '1.01', -1],
  ['1.01', '1.2-preview', -1],
  // NuGetVersionTest.cs: SemVerEqualsOperatorWorks, ParseReadsLegacyStyleVersionNumbers
  ['1.0', '1.0.0.0', 0],
  ['1.23.01', '1.23.1', 0],
  ['1.45.6', '1.45.6.0', 0],
  ['1.45.6-Alpha', '1.45.6-Alpha', 0],
  ['1.6.2-BeTa', '1.6.02-beta', 0],
  ['22.3.07     ', '22.3.07', 0],
  ['1.022', '1.22.0.0', 0],
  ['23.2.3', '23.2.3.0', 0],
  ['  1.022-Beta', '1.22-beta', 0],
];

test('compareNuGet matches NuGet.Versioning tests', () => {
  for (const [a, b, want] of vectors) {
    assert.equal(sign(compareNuGet(a, b)), want, `${a} vs ${b}`);
    assert.equal(sign(compareNuGet(b, a)), -want || 0, `${b} vs ${a}`);
  }
});

test('isValidNuGet: ParseThrowsIfStringIsNotAValidSemVer and NuGetVersionParseStrict', () => {
  for (const bad of ['', '1beta', '$version$', '1.2Av^c', '1.2..', '1.2.3.4.5', '1.2.3.Beta',
    '1.2.3.4This version is full of awesomeness!!', 'So.is.this', '1.34.2Alpha', '1.34.2Release Candidate',
    '1.4.7-', '1.4.7-*', '1.4.7+*', '1.4.7-AA.01^', '1.4.7-AA.0A^', '1.4.7-A^A', '1.4.7+AA.01^']) {
    assert.equal(isValidNuGet(bad), false, JSON.stringify(bad));
  }
  for (const ok of ['1.0.0', '0.0.1', '1.2.3', '1.2.3-alpha', '1.2.3-X.y.3+Meta-2',
    '1.2.3-X.yZ.3.234.243.3242342+METADATA', '1.2.3-X.y3+0', '1.2.3-X+0', '1.2.3+0', '1.2.3-0',
    '3.4.0.3-RC-3', '1.3.2-CTP-2-Refresh-Alpha', '01.42.0-alpha+metadata']) {
    assert.equal(isValidNuGet(ok), true, ok);
  }
});
