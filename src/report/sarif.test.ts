import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import type { Finding } from '../vuln/match/types.js';
import { findings, inventory, report } from './__fixtures__/findings.js';
import { artifactUri, buildSarif, fingerprint, imageUri, renderSarif, sarifLevel, securitySeverity } from './sarif.js';

/** The official OASIS schema (draft-04, vendored): compiled as draft-07, non-strict, without the draft-04 $schema/id. */
function sarifValidator() {
  const { $schema: _s, id: _id, ...schema } = JSON.parse(readFileSync(new URL('../../test/schemas/sarif-2.1.0.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  return ajv.compile(schema);
}
const validate = sarifValidator();

function schemaErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

test('validates against the official SARIF 2.1.0 schema, with and without findings', () => {
  assert.deepEqual(schemaErrors(JSON.parse(renderSarif(report()))), []);
  assert.deepEqual(schemaErrors(JSON.parse(renderSarif(report({ findings: [], warnings: [], fixAdvice: undefined })))), []);
});

test('the vendored schema is really enforced (a bad level fails)', () => {
  const log = buildSarif(report());
  const bad = JSON.parse(JSON.stringify(log));
  bad.runs[0].results[0].level = 'critical';
  assert.notDeepEqual(schemaErrors(bad), []);
});

test('one rule per vulnerability ID, referenced by ruleId and ruleIndex', () => {
  const dup: Finding = { ...findings[0]!, pkg: { ...findings[0]!.pkg, name: 'openssl', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1' } };
  const log = buildSarif(report({ findings: [...findings, dup] }));
  const run = log.runs[0]!;
  const ids = run.tool.driver.rules.map((r) => r.id);
  assert.deepEqual(ids, ['CVE-2023-5678', 'CVE-2021-23337', 'CVE-2023-45853', 'CVE-2024-0001']);
  assert.equal(run.results.length, 5);
  for (const r of run.results) assert.equal(ids[r.ruleIndex], r.ruleId);
  assert.equal(run.results.filter((r) => r.ruleId === 'CVE-2023-5678').length, 2);
  // the rule's help lists every affected package
  assert.match(run.tool.driver.rules[0]!.help.markdown!, /\| libssl3 \|[\s\S]*\| openssl \|/);
});

test('rules carry what GitHub code scanning displays', () => {
  const rules = buildSarif(report()).runs[0]!.tool.driver.rules;
  const crit = rules[0]!;
  assert.equal(crit.shortDescription.text.startsWith('CVE-2023-5678: openssl: generating'), true);
  assert.equal(crit.fullDescription.text, 'Issue summary: Generating excessively long X9.42 DH keys ...');
  assert.equal(crit.helpUri, 'https://security-tracker.debian.org/tracker/CVE-2023-5678');
  assert.equal(crit.defaultConfiguration.level, 'error');
  assert.deepEqual(crit.properties.tags, ['vulnerability', 'security', 'CRITICAL']);
  assert.equal(crit.properties['security-severity'], '9.8');
  assert.equal(rules[2]!.shortDescription.text, 'CVE-2023-45853 in zlib', 'no doubled ID');
  assert.equal(rules[2]!.properties['security-severity'], '2.0');
  assert.equal(rules[3]!.properties['security-severity'], undefined, 'UNKNOWN: no invented score');
});

test('levels and security-severity follow our severity', () => {
  assert.deepEqual((['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'] as const).map(sarifLevel), ['error', 'error', 'warning', 'note', 'note', 'note']);
  assert.equal(securitySeverity({ level: 'CRITICAL', source: 'debian' }), '9.5');
  assert.equal(securitySeverity({ level: 'HIGH', source: 'ghsa' }), '8.0');
  assert.equal(securitySeverity({ level: 'MEDIUM', source: 'ubuntu' }), '5.5');
  assert.equal(securitySeverity({ level: 'LOW', source: 'x' }), '2.0');
  assert.equal(securitySeverity({ level: 'HIGH', score: 7.5, source: 'CVSS_V3' }), '7.5');
  // a CVSS v2 9.3 is rated HIGH: GitHub must not show it as critical
  assert.equal(securitySeverity({ level: 'HIGH', score: 9.3, source: 'CVSS_V2' }), '8.0');
});

test('results: message names package, versions, fix and layer; relative locations; image logical location', () => {
  const run = buildSarif(report()).runs[0]!;
  const lodash = run.results.find((r) => r.ruleId === 'CVE-2021-23337')!;
  assert.equal(lodash.level, 'error');
  assert.equal(
    lodash.message.text,
    'npm package lodash 4.17.20 is affected by CVE-2021-23337 (HIGH). Fixed in 4.17.21. Found at /app/node_modules/lodash/package.json. Layer 3: RUN npm install --omit=dev && npm cache clean --force. Image: docker.io/library/app:1.0.',
  );
  const loc = lodash.locations[0]!;
  assert.equal(loc.physicalLocation.artifactLocation.uri, 'app/node_modules/lodash/package.json');
  assert.equal(loc.physicalLocation.region.startLine, 1);
  assert.deepEqual(loc.logicalLocations[0], { name: 'docker.io/library/app:1.0', fullyQualifiedName: `docker.io/library/app@sha256:${'d'.repeat(64)}`, kind: 'image' });
  assert.equal(loc.logicalLocations[1]!.fullyQualifiedName, 'pkg:npm/lodash@4.17.20');
  const wontfix = run.results.find((r) => r.ruleId === 'CVE-2023-45853')!;
  assert.match(wontfix.message.text, /No fix: will_not_fix\./);
  assert.equal(wontfix.level, 'note');
  for (const r of run.results) assert.ok(!r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('/'));
});

test('artifact URIs: package path, nested jar outer file, else the image name (never a host path)', () => {
  const f = findings[3]!;
  assert.equal(artifactUri(inventory, { ...f, pkg: { ...f.pkg, path: '/opt/app/lib/a b#1.jar!/BOOT-INF/lib/x.jar' } }), 'opt/app/lib/a%20b%231.jar');
  assert.equal(artifactUri(inventory, { ...f, pkg: { ...f.pkg, path: undefined } }), 'docker.io/library/app');
  assert.equal(imageUri({ ...inventory, target: { ...inventory.target, name: undefined, reference: 'ghcr.io/org/app@sha256:abc' } }), 'ghcr.io/org/app');
  assert.equal(imageUri({ ...inventory, target: { ...inventory.target, name: undefined, reference: 'localhost:5000/app:dev' } }), 'localhost%3A5000/app', 'colon encoded: "localhost:" would read as a URI scheme');
  assert.equal(imageUri({ ...inventory, target: { kind: 'docker-archive', reference: '/home/me/images/app.tar', repoTags: [], repoDigests: [] } }), 'app.tar');
});

test('partialFingerprints are stable across rebuilds and upgrades, distinct across packages', () => {
  const f = findings[3]!;
  const rebuilt = { ...inventory, target: { ...inventory.target, reference: 'docker.io/library/app:1.1', repoTags: [], manifestDigest: 'sha256:' + 'f'.repeat(64) } };
  const upgraded: Finding = { ...f, installedVersion: '4.17.20-patch', pkg: { ...f.pkg, version: '4.17.20-patch', layerIndex: 5, layerDiffId: 'sha256:' + '9'.repeat(64) } };
  assert.equal(fingerprint(rebuilt, upgraded), fingerprint(inventory, f));
  assert.notEqual(fingerprint(inventory, { ...f, pkg: { ...f.pkg, path: '/other/package.json' } }), fingerprint(inventory, f));
  assert.notEqual(fingerprint(inventory, { ...f, id: 'CVE-0000-0001' }), fingerprint(inventory, f));
  const r = buildSarif(report()).runs[0]!.results[0]!;
  assert.match(r.partialFingerprints.primaryLocationLineHash!, /^[0-9a-f]{64}$/);
  assert.equal(r.partialFingerprints['bulwarkFinding/v1'], r.partialFingerprints.primaryLocationLineHash);
});

test('run: tool driver, image digest properties, category and warnings as notifications', () => {
  const run = buildSarif(report()).runs[0]!;
  assert.equal(run.tool.driver.name, 'bulwark');
  assert.equal(run.properties.imageDigest, 'sha256:' + 'd'.repeat(64));
  assert.equal(run.properties.imageReference, 'docker.io/library/app:1.0');
  assert.equal(run.properties.os, 'debian 12');
  assert.equal(run.automationDetails.id, 'bulwark/docker.io/library/app/');
  assert.deepEqual(run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text), ['layer 3: corrupt jar skipped', 'vulnerability database is 3 days old']);
});

test('deterministic: no timestamps, input order does not matter', () => {
  const r = report();
  assert.equal(renderSarif(r), renderSarif({ ...r, findings: [...r.findings].reverse() }));
  assert.ok(!/\d{4}-\d\d-\d\dT\d\d:/.test(renderSarif(r)));
});
