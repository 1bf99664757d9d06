import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finding } from '../../test/helpers/findings.js';
import { applyIgnoreRules, parseIgnoreFile } from './ignore.js';
import { applyVex, parseVex } from './vex.js';
import { fixAdvice } from './fix-advice.js';

describe('ignore file', () => {
  const rules = parseIgnoreFile(
    `ignore:
  - id: CVE-2020-8203
    reason: not reachable
  - package: "pkg:npm/minimist@*"
    reason: dev only
  - id: GHSA-*
    package: express
    reason: behind auth
    expires: 2020-01-01
`,
    'ig.yaml',
  );

  it('suppresses by ID (also through aliases) and by purl glob, and reports expired entries', () => {
    const fs = [
      finding({ id: 'CVE-2020-8203', fixed: '4.17.21' }),
      finding({ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], fixed: '4.17.21' }),
      finding({ id: 'CVE-2021-44906', name: 'minimist', installed: '1.2.5' }),
      finding({ id: 'CVE-2022-24999', aliases: ['GHSA-hrpp-h998-j3pp'], name: 'express', installed: '4.17.1' }),
    ];
    const r = applyIgnoreRules(fs, rules, new Date('2026-06-01'));
    assert.deepEqual(r.kept.map((f) => f.id), ['CVE-2021-23337', 'CVE-2022-24999']);
    assert.deepEqual(r.suppressed.map((s) => [s.finding.id, s.reason]), [['CVE-2020-8203', 'not reachable'], ['CVE-2021-44906', 'dev only']]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /expired on 2020-01-01/);
  });

  it('rejects entries without a reason, and bad YAML, with one-line errors naming the file', () => {
    assert.throws(() => parseIgnoreFile('ignore:\n  - id: CVE-1\n', 'a.yaml'), /a\.yaml: ignore\.0\.reason/);
    assert.throws(() => parseIgnoreFile('ignore: [\n', 'b.yaml'), /b\.yaml is not valid YAML/);
    assert.throws(() => parseIgnoreFile('ignore:\n  - reason: x\n', 'c.yaml'), /needs id, package or path/);
    assert.throws(() => parseIgnoreFile('ignore:\n  - id: X\n    reason: y\n    expires: someday\n', 'd.yaml'), /invalid expires date/);
  });
});

describe('VEX', () => {
  const fs = [
    finding({ id: 'CVE-2020-8203', fixed: '4.17.21' }),
    finding({ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'], fixed: '4.17.21' }),
    finding({ id: 'CVE-2021-44906', name: 'minimist', installed: '1.2.5' }),
  ];

  it('OpenVEX not_affected suppresses the named subcomponent only', () => {
    const st = parseVex(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          { vulnerability: { name: 'CVE-2020-8203' }, products: [{ '@id': 'pkg:oci/app', subcomponents: [{ '@id': 'pkg:npm/lodash@4.17.20' }] }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
          { vulnerability: { name: 'GHSA-35jh-r3h4-6jhm' }, products: [{ '@id': 'pkg:npm/lodash' }], status: 'affected' },
          { vulnerability: { name: 'CVE-2021-44906' }, products: [{ '@id': 'pkg:npm/other' }], status: 'not_affected', justification: 'component_not_present' },
        ],
      }),
      'v.json',
    );
    const r = applyVex(fs, st, ['pkg:oci/app']);
    assert.deepEqual(r.kept.map((f) => f.id), ['CVE-2021-23337', 'CVE-2021-44906']);
    assert.match(r.suppressed[0]!.reason, /not_affected \(vulnerable_code_not_in_execute_path\)/);
  });

  it('CycloneDX VEX resolves bom-refs to purls and matches through aliases', () => {
    const st = parseVex(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [{ 'bom-ref': 'c1', purl: 'pkg:npm/lodash@4.17.20' }],
        vulnerabilities: [{ id: 'GHSA-35jh-r3h4-6jhm', analysis: { state: 'false_positive' }, affects: [{ ref: 'c1' }] }],
      }),
      'c.json',
    );
    const r = applyVex(fs, st);
    assert.deepEqual(r.suppressed.map((s) => s.finding.id), ['CVE-2021-23337']);
  });

  it('rejects documents that are neither format', () => {
    assert.throws(() => parseVex('{"hello": 1}', 'x.json'), /neither OpenVEX nor CycloneDX/);
    assert.throws(() => parseVex('{', 'y.json'), /y\.json is not valid JSON/);
  });
});

describe('fix advice', () => {
  it('recommends the lowest version fixing every finding of a package', () => {
    const adv = fixAdvice([
      finding({ id: 'CVE-A', fixed: '4.17.12' }),
      finding({ id: 'CVE-B', fixed: '4.17.21' }),
      finding({ id: 'CVE-C', fixed: '4.17.19' }),
      finding({ id: 'CVE-D', name: 'minimist', installed: '1.2.5', fixed: '1.2.6' }),
      finding({ id: 'CVE-E', name: 'qs', installed: '6.0.0' }),
    ]);
    assert.deepEqual(adv.packages.map((p) => [p.name, p.recommended, p.fixes.length]), [['lodash', '4.17.21', 3], ['minimist', '1.2.6', 1]]);
    assert.equal(adv.summary, 'upgrading these 2 packages fixes 4 of 5 findings');
  });
});
