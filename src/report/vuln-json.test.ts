import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { VERSION } from '../shared/version.js';
import { report } from './__fixtures__/findings.js';
import { buildVulnJson, renderVulnJson } from './vuln-json.js';

const NOW = new Date('2025-01-02T03:04:05.000Z');
const schema = JSON.parse(readFileSync(new URL('../../docs/schemas/bulwark-report-v1.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The published schema is open (additive changes keep v1); this copy closes every object so undocumented fields fail. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'properties' || k === '$defs' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v);
  // objects with declared properties get closed; free-form ones (package metadata) have none and stay open
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function validator(s: unknown) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  formats.default(ajv);
  return ajv.compile(s as object);
}

function errors(validate: ReturnType<typeof validator>, doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

test('output validates against docs/schemas/bulwark-report-v1.schema.json (open and closed)', () => {
  const doc = JSON.parse(renderVulnJson(report(), { now: NOW }));
  assert.deepEqual(errors(validator(schema), doc), []);
  assert.deepEqual(errors(validator(closed(schema)), doc), [], 'every emitted field is documented in the schema');
  const empty = JSON.parse(renderVulnJson(report({ findings: [], fixAdvice: undefined, inventory: { ...report().inventory, os: undefined } }), { now: NOW }));
  assert.deepEqual(errors(validator(closed(schema)), empty), []);
  assert.equal(empty.os, null);
  assert.equal(empty.fixAdvice, null);
});

test('the closed schema does reject an undocumented field', () => {
  const doc = JSON.parse(renderVulnJson(report(), { now: NOW }));
  doc.findings[0].surprise = true;
  assert.notDeepEqual(errors(validator(closed(schema)), doc), []);
  assert.deepEqual(errors(validator(schema), doc), [], 'the published schema tolerates additions');
});

test('envelope: schemaVersion 1, generator, createdAt, inventory parts without cache or file lists', () => {
  const j = buildVulnJson(report(), { now: NOW });
  assert.equal(j.schemaVersion, 1);
  assert.deepEqual(j.generator, { name: 'bulwark', version: VERSION });
  assert.equal(j.createdAt, '2025-01-02T03:04:05.000Z');
  assert.equal(j.target.reference, 'docker.io/library/app:1.0');
  assert.equal(j.os?.family, 'debian');
  assert.ok(j.layers.every((l) => !('cached' in l)));
  assert.ok(j.packages.every((p) => !('files' in p)));
  assert.deepEqual(j.warnings, ['layer 3: corrupt jar skipped', 'vulnerability database is 3 days old']);
});

test('findings: sorted, renamed pkg -> package, fixedDisplay, optional fields absent not null', () => {
  const j = buildVulnJson(report(), { now: NOW });
  assert.deepEqual(j.findings.map((f) => f.id), ['CVE-2023-5678', 'CVE-2021-23337', 'CVE-2023-45853', 'CVE-2024-0001']);
  const lodash = j.findings[1]!;
  assert.equal(lodash.package.name, 'lodash');
  assert.equal(lodash.package.layerIndex, 2);
  assert.equal(lodash.fixedDisplay, '4.17.21');
  const unknown = j.findings[3]!;
  assert.equal(unknown.fixedDisplay, '');
  assert.ok(!('fixedVersion' in unknown) && !('score' in unknown.severity) && !('description' in unknown));
  assert.deepEqual(j.summary.bySeverity, { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, NEGLIGIBLE: 0, UNKNOWN: 1 });
  assert.equal(j.summary.fixable, 2);
});

test('fix advice keeps only documented fields (the scan object may carry more)', () => {
  const r = report();
  const extra = { ...r.fixAdvice!, fixable: 2, total: 4 };
  const j = buildVulnJson({ ...r, fixAdvice: extra }, { now: NOW });
  assert.deepEqual(Object.keys(j.fixAdvice!), ['packages', 'summary']);
  assert.ok(!('path' in j.fixAdvice!.packages[0]!));
});

test('deterministic: same input and time, same bytes, whatever the input order', () => {
  const r = report();
  const a = renderVulnJson(r, { now: NOW });
  const b = renderVulnJson({ ...r, findings: [...r.findings].reverse() }, { now: NOW });
  assert.equal(a, b);
  assert.ok(a.endsWith('}\n'));
});

test('the example in docs/json-report.md is a valid v1 report', () => {
  const md = readFileSync(new URL('../../docs/json-report.md', import.meta.url), 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(md)?.[1];
  assert.ok(block, 'docs/json-report.md has a json example');
  assert.deepEqual(errors(validator(closed(schema)), JSON.parse(block)), []);
});
