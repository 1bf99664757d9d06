import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoGlobToRegExp } from './glob.js';
import { blockingIds, parseLicense } from './spdx.js';
import { inVersionRange, parseVersionRange } from './version-range.js';

describe('repository globs', () => {
  const TABLE: [string, string, boolean][] = [
    ['ghcr.io/acme/*', 'ghcr.io/acme/app', true],
    ['ghcr.io/acme/*', 'ghcr.io/acme/team/app', false],
    ['ghcr.io/acme/**', 'ghcr.io/acme/team/app', true],
    ['ghcr.io/acme/**', 'ghcr.io/acme', true],
    ['ghcr.io/acme/**', 'ghcr.io/acmex/app', false],
    ['ghcr.io', 'ghcr.io/anything/at/all', true],
    ['ghcr.io', 'ghcr.io.evil.example/x', false],
    ['*.acme.example/**', 'eu.acme.example/app', true],
    ['*.acme.example/**', 'acme.example/app', false],
    ['docker.io/library/?lpine', 'docker.io/library/alpine', true],
    ['localhost:5000/app', 'localhost:5000/app', true],
  ];
  for (const [glob, name, want] of TABLE) it(`${glob} ${want ? 'matches' : 'does not match'} ${name}`, () => assert.equal(repoGlobToRegExp(glob).test(name), want));
});

describe('version ranges', () => {
  const TABLE: [string, string, 'dpkg' | 'npm' | 'apk' | 'maven', boolean][] = [
    ['>=2.0.0, <2.17.1', '2.14.1', 'maven', true],
    ['>=2.0.0, <2.17.1', '2.17.1', 'maven', false],
    ['>=2.0.0 <2.17.1', '2.0.0', 'maven', true],
    ['<1.0 || >=3', '3.1.0', 'npm', true],
    ['<1.0 || >=3', '2.0.0', 'npm', false],
    ['1.2.3', '1.2.3', 'npm', true],
    ['!=1.2.3', '1.2.3', 'npm', false],
    ['<1.2.3-r1', '1.2.3-r0', 'apk', true],
    ['<3.0.11', '3.0.11~rc1', 'dpkg', true],
    ['<=1:1.0', '2.0', 'dpkg', true],
  ];
  for (const [range, v, scheme, want] of TABLE) it(`${v} ${want ? 'in' : 'not in'} ${range} (${scheme})`, () => assert.equal(inVersionRange(parseVersionRange(range), v, scheme), want));
  for (const bad of ['', '>=', '1 ||', '=>1', '<1 <<2']) it(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parseVersionRange(bad)));
});

describe('SPDX expressions', () => {
  const banned = (id: string) => !/^GPL-3\.0/.test(id);
  const TABLE: [string, string[] | undefined][] = [
    ['MIT', undefined],
    ['GPL-3.0-only', ['GPL-3.0-only']],
    ['MIT OR GPL-3.0-only', undefined],
    ['MIT AND GPL-3.0-only', ['GPL-3.0-only']],
    ['(MIT or GPL-3.0-or-later) and Apache-2.0', undefined],
    ['GPL-3.0-only WITH GCC-exception-3.1', ['GPL-3.0-only']],
    ['GPL-3.0+', ['GPL-3.0']],
  ];
  for (const [expr, want] of TABLE) it(expr, () => assert.deepEqual(blockingIds(parseLicense(expr), banned), want));
  it('text that is not an expression is one id', () => assert.deepEqual(parseLicense('Custom license (see COPYING'), { id: 'Custom license (see COPYING' }));
});
