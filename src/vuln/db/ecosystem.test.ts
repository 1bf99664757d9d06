import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseEcosystem, normalizePackageName } from './ecosystem.js';

test('baseEcosystem drops the release part', () => {
  for (const [eco, base] of [
    ['Debian:11', 'Debian'],
    ['Alpine:v3.11', 'Alpine'],
    ['Ubuntu:20.04:LTS', 'Ubuntu'],
    ['Ubuntu:Pro:18.04:LTS', 'Ubuntu'],
    ['PyPI', 'PyPI'],
    ['crates.io', 'crates.io'],
  ]) assert.equal(baseEcosystem(eco!), base);
});

test('PyPI names follow PEP 503; other ecosystems keep the name as written', () => {
  assert.equal(normalizePackageName('PyPI', 'Foo.Bar__baz-QUX'), 'foo-bar-baz-qux');
  assert.equal(normalizePackageName('PyPI', 'AAmiles'), 'aamiles');
  assert.equal(normalizePackageName('Go', 'github.com/Foo/Bar'), 'github.com/Foo/Bar');
  assert.equal(normalizePackageName('Debian:11', 'libssl3'), 'libssl3');
});
