import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInstalledPackageJson } from './cataloger.js';
import { parsePackageJson } from './parse-package-json.js';

describe('parsePackageJson', () => {
  const cases: { name: string; json: object; want: { name: string; version: string; purl: string; licenses: string[] }[] }[] = [
    {
      name: 'license string',
      json: { name: 'express', version: '4.18.2', license: 'MIT' },
      want: [{ name: 'express', version: '4.18.2', purl: 'pkg:npm/express@4.18.2', licenses: ['MIT'] }],
    },
    {
      name: 'scoped name, legacy license object',
      json: { name: '@babel/core', version: '7.23.0', license: { type: 'MIT', url: 'https://example.com/mit' } },
      want: [{ name: '@babel/core', version: '7.23.0', purl: 'pkg:npm/%40babel/core@7.23.0', licenses: ['MIT'] }],
    },
    {
      name: 'legacy licenses array of objects',
      json: { name: 'bunyan', version: '1.8.15', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] },
      want: [{ name: 'bunyan', version: '1.8.15', purl: 'pkg:npm/bunyan@1.8.15', licenses: ['MIT', 'Apache-2.0'] }],
    },
    {
      name: 'legacy licenses array of strings',
      json: { name: 'old', version: '0.1.0', licenses: ['BSD'] },
      want: [{ name: 'old', version: '0.1.0', purl: 'pkg:npm/old@0.1.0', licenses: ['BSD'] }],
    },
    { name: 'nested {"type":"module"} stub', json: { type: 'module' }, want: [] },
    { name: 'no version', json: { name: 'x' }, want: [] },
    { name: 'non-string fields', json: { name: ['x'], version: 1 }, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = parsePackageJson(JSON.stringify(c.json)).map((p) => ({ name: p.name, version: p.version, purl: p.purl, licenses: p.licenses }));
      assert.deepEqual(got, c.want);
    });
  }

  it('throws a short error on malformed JSON', () => {
    assert.throws(() => parsePackageJson('{"name": "x",'), /package.json is not valid JSON/);
    assert.throws(() => parsePackageJson('[1]'), /not a JSON object/);
  });
});

describe('isInstalledPackageJson', () => {
  const cases: [string, boolean][] = [
    ['/app/node_modules/express/package.json', true],
    ['/app/node_modules/@babel/core/package.json', true],
    ['/app/node_modules/a/node_modules/b/package.json', true],
    ['/usr/local/lib/node_modules/npm/package.json', true],
    ['/usr/local/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json', true],
    ['/app/package.json', false],
    ['/app/node_modules/express/lib/package.json', false],
    ['/app/node_modules/@babel/core/lib/package.json', false],
    ['/app/node_modules/package.json', false],
    ['/app/node_modules/express/package.json.bak', false],
  ];
  for (const [path, want] of cases) it(path, () => assert.equal(isInstalledPackageJson(path), want));
});
