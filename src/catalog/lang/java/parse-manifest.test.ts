import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBundleLicense, parseManifest } from './parse-manifest.js';
import { parsePomProperties } from './parse-pom-properties.js';

describe('parseManifest', () => {
  it('joins continuation lines and stops at the first per-entry section', () => {
    const text = 'Manifest-Version: 1.0\r\nBundle-SymbolicName: com.fasterxml.jackson.core.jackson-data\r\n bind\r\nImplementation-Version: 2.15.2\r\n\r\nName: org/x/\r\nImplementation-Version: 9.9\r\n';
    assert.deepEqual(parseManifest(text), {
      'Manifest-Version': '1.0',
      'Bundle-SymbolicName': 'com.fasterxml.jackson.core.jackson-databind',
      'Implementation-Version': '2.15.2',
    });
  });
  it('ignores junk lines and __proto__', () => {
    assert.deepEqual(parseManifest('garbage\n__proto__: x\nA: b\n'), { A: 'b' });
  });
});

describe('parseBundleLicense', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, []],
    ['Apache-2.0', ['Apache-2.0']],
    ['https://www.apache.org/licenses/LICENSE-2.0.txt', ['https://www.apache.org/licenses/LICENSE-2.0.txt']],
    ['"Apache License, Version 2.0";link="https://www.apache.org/licenses/LICENSE-2.0"', ['Apache License, Version 2.0']],
    ['EPL-2.0;link=x, GPL-2.0-with-classpath-exception', ['EPL-2.0', 'GPL-2.0-with-classpath-exception']],
  ];
  for (const [input, want] of cases) it(`${input}`, () => assert.deepEqual(parseBundleLicense(input), want));
});

describe('parsePomProperties', () => {
  it('reads coordinates, with = or : separators and comments', () => {
    const text = '#Generated\n! also a comment\ngroupId = org.slf4j\nartifactId:slf4j-api\nversion=2.0.9\n';
    assert.deepEqual(parsePomProperties(text, 'p'), { groupId: 'org.slf4j', artifactId: 'slf4j-api', version: '2.0.9', path: 'p' });
  });
  it('gives undefined when a coordinate is missing', () => {
    assert.equal(parsePomProperties('groupId=a\nartifactId=b\n', 'p'), undefined);
  });
});
