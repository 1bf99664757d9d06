import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import {
  COMPARATORS, VERSION_SCHEMES, compareVersions, isValidVersion, isVersionError, schemeForEcosystem,
  type VersionScheme,
} from './index.js';

test('every scheme is registered, and every scheme file has tests', () => {
  assert.deepEqual(
    [...VERSION_SCHEMES].sort(),
    ['apk', 'cargo', 'composer', 'dpkg', 'fuzzy', 'gem', 'go', 'maven', 'npm', 'nuget', 'pep440', 'rpm'],
  );
  const files = readdirSync(new URL('.', import.meta.url));
  for (const scheme of VERSION_SCHEMES) {
    assert.ok(files.includes(`${scheme}.ts`), `${scheme}.ts exists`);
    const tested = files.includes(`${scheme}.test.ts`) || ['npm', 'go', 'cargo'].includes(scheme);
    assert.ok(tested, `${scheme} has tests`);
  }
});

test('compareVersions dispatches and normalises to -1/0/1', () => {
  const rows: [VersionScheme, string, string, number][] = [
    ['dpkg', '1.0~rc1', '1.0', -1],
    ['rpm', '1.0^git1', '1.0', 1],
    ['apk', '1.0_rc1', '1.0', -1],
    ['npm', '1.0.0-rc.1', '1.0.0', -1],
    ['pep440', '1.0rc1', '1.0', -1],
    ['maven', '1.0-RC1', '1.0', -1],
    ['gem', '1.0.rc1', '1.0', -1],
    ['go', 'v1.0.0-rc.1', 'v1.0.0', -1],
    ['cargo', '1.0.0-rc.1', '1.0.0', -1],
    ['nuget', '1.0.0-rc1', '1.0', -1],
    ['composer', '1.0.0-RC1', '1.0', -1],
    ['fuzzy', '1.0rc1', '1.0', -1],
  ];
  for (const [scheme, a, b, want] of rows) {
    assert.equal(compareVersions(scheme, a, b), want, `${scheme}: ${a} vs ${b}`);
    assert.equal(isValidVersion(scheme, a), true, `${scheme}: ${a}`);
    assert.equal(isValidVersion(scheme, 'x'.repeat(5000)), false);
  }
});

test('invalid input and unknown schemes raise VersionError with a code', () => {
  assert.throws(() => compareVersions('npm', 'banana', '1.0.0'), (e) => isVersionError(e, 'INVALID_VERSION'));
  assert.throws(() => compareVersions('nope' as VersionScheme, '1', '1'), (e) => isVersionError(e, 'UNKNOWN_SCHEME'));
  assert.throws(() => isValidVersion('toString' as VersionScheme, '1'), (e) => isVersionError(e, 'UNKNOWN_SCHEME'));
  assert.equal(Object.keys(COMPARATORS).length, 12);
});

test('schemeForEcosystem maps OSV ecosystem names', () => {
  const rows: [string, VersionScheme][] = [
    ['Debian', 'dpkg'], ['Debian:12', 'dpkg'], ['Ubuntu:22.04:LTS', 'dpkg'], ['Ubuntu:Pro:18.04:LTS', 'dpkg'],
    ['Alpine:v3.18', 'apk'], ['Wolfi', 'apk'], ['Chainguard', 'apk'],
    ['AlmaLinux:8', 'rpm'], ['Rocky Linux:9', 'rpm'], ['Red Hat:enterprise_linux:9::appstream', 'rpm'],
    ['SUSE:Linux Enterprise Server 15 SP5', 'rpm'], ['openSUSE:Leap 15.5', 'rpm'], ['Mageia:9', 'rpm'],
    ['npm', 'npm'], ['PyPI', 'pep440'], ['Go', 'go'], ['crates.io', 'cargo'], ['RubyGems', 'gem'],
    ['Maven', 'maven'], ['NuGet', 'nuget'], ['Packagist', 'composer'], ['Bitnami', 'npm'],
    ['OSS-Fuzz', 'fuzzy'], ['Hex', 'cargo'], ['Pub', 'cargo'], ['GIT', 'fuzzy'],
    ['SomethingNew:1', 'fuzzy'], ['', 'fuzzy'], ['constructor', 'fuzzy'],
  ];
  for (const [eco, want] of rows) assert.equal(schemeForEcosystem(eco), want, eco);
});
