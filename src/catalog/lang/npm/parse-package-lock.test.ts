import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePackageLock } from './parse-package-lock.js';

const V1 = `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "@types/node": { "version": "18.11.9", "resolved": "https://registry.npmjs.org/@types/node/-/node-18.11.9.tgz", "dev": true },
    "debug": {
      "version": "2.6.9",
      "requires": { "ms": "2.0.0" },
      "dependencies": { "ms": { "version": "2.0.0" } }
    },
    "ms": { "version": "2.1.3" },
    "my-lib": { "version": "file:../my-lib" },
    "string-width-cjs": { "version": "npm:string-width@4.2.3" }
  }
}`;

// v2 keeps the v1 tree beside `packages`; only `packages` is read
const V2 = `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 2,
  "requires": true,
  "packages": {
    "": { "name": "app", "version": "1.0.0", "dependencies": { "debug": "^2.6.9" }, "workspaces": ["packages/*"] },
    "node_modules/debug": { "version": "2.6.9", "license": "MIT", "dependencies": { "ms": "2.0.0" } },
    "node_modules/debug/node_modules/ms": { "version": "2.0.0", "license": "MIT" },
    "node_modules/@types/node": { "version": "18.11.9", "dev": true, "license": "MIT" },
    "node_modules/fsevents": { "version": "2.3.3", "optional": true, "license": "MIT" },
    "node_modules/ws": { "version": "8.14.2", "dev": true },
    "node_modules/a/node_modules/ws": { "version": "8.14.2" },
    "node_modules/string-width-cjs": { "name": "string-width", "version": "4.2.3" },
    "node_modules/@app/util": { "resolved": "packages/util", "link": true },
    "packages/util": { "name": "@app/util", "version": "0.0.1" }
  },
  "dependencies": { "ignored": { "version": "9.9.9" } }
}`;

const V3 = `{
  "name": "app",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "app" },
    "node_modules/lodash": { "version": "4.17.21", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "license": "MIT" }
  }
}`;

function summary(text: string): string[] {
  return parsePackageLock(text)
    .map((p) => `${p.purl}${p.metadata?.dev ? ' dev' : ''}${p.metadata?.optional ? ' optional' : ''}${p.licenses.length ? ' ' + p.licenses.join('|') : ''}`)
    .sort();
}

describe('parsePackageLock', () => {
  it('v1: walks the nested dependencies tree, decodes aliases, skips file: links', () => {
    assert.deepEqual(summary(V1), [
      'pkg:npm/%40types/node@18.11.9 dev',
      'pkg:npm/debug@2.6.9',
      'pkg:npm/ms@2.0.0',
      'pkg:npm/ms@2.1.3',
      'pkg:npm/string-width@4.2.3',
    ]);
  });

  it('v2: reads the packages map, skips the root, workspaces and links, keeps dev/optional/license', () => {
    assert.deepEqual(summary(V2), [
      'pkg:npm/%40types/node@18.11.9 dev MIT',
      'pkg:npm/debug@2.6.9 MIT',
      'pkg:npm/fsevents@2.3.3 optional MIT',
      'pkg:npm/ms@2.0.0 MIT',
      'pkg:npm/string-width@4.2.3',
      'pkg:npm/ws@8.14.2',
    ]);
  });

  it('v3', () => assert.deepEqual(summary(V3), ['pkg:npm/lodash@4.17.21 MIT']));

  it('an empty lockfile has no packages', () => assert.deepEqual(summary('{"lockfileVersion": 3}'), []));

  it('does not recurse on a deep v1 tree', () => {
    let tree = '{"version":"0.0.1"}';
    for (let i = 0; i < 20000; i++) tree = `{"version":"1.0.${i}","dependencies":{"d":${tree}}}`;
    const got = parsePackageLock(`{"dependencies":{"d":${tree}}}`);
    assert.equal(got.length, 20001);
  });

  it('throws a short error on malformed input', () => {
    assert.throws(() => parsePackageLock('{"packages": {'), /package lock is not valid JSON/);
  });
});
