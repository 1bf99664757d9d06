import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inventory, report } from './__fixtures__/findings.js';
import { layerLabel, renderVulnTable, shortCreatedBy, truncate } from './vuln-table.js';

test('header: target, OS with the caller note, package count; counts line', () => {
  const out = renderVulnTable(report(), { osNote: 'end of life since 2028-06-30' });
  const lines = out.split('\n');
  assert.match(lines[0]!, /^Target: +docker\.io\/library\/app:1\.0 \(registry\) · linux\/amd64 · digest sha256:d{12}$/);
  assert.equal(lines[1], 'OS:       Debian GNU/Linux 12 (bookworm) (end of life since 2028-06-30)');
  assert.equal(lines[2], 'Packages: 3');
  assert.ok(out.includes('Total: 4 (CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, NEGLIGIBLE: 0, UNKNOWN: 1), 2 fixable'));
});

test('findings are grouped: OS packages first, then each language-package file', () => {
  const out = renderVulnTable(report());
  const osAt = out.indexOf('docker.io/library/app:1.0 (debian 12): 3 findings');
  const npmAt = out.indexOf('/app/node_modules/lodash/package.json (npm): 1 finding');
  assert.ok(osAt > 0 && npmAt > osAt, out);
  const osBlock = out.slice(osAt, npmAt);
  // severity order inside a group, FIXED from displayFixed, LAYER as index+1 and short created_by
  const rows = osBlock.split('\n').filter((l) => /^(libssl3|zlib1g) /.test(l));
  assert.deepEqual(rows.map((r) => r.split(/\s{2,}/)[0]), ['libssl3', 'zlib1g', 'libssl3']);
  assert.match(rows[0]!, /3\.0\.11-1~deb12u1 +3\.0\.13-1~deb12u1 +CRITICAL +fixed +CVE-2023-5678 +openssl: generating .*… +1: ADD file:abc in \/$/);
  assert.match(rows[1]!, /LOW +will_not_fix +CVE-2023-45853/);
  assert.match(out, /lodash +4\.17\.20 +4\.17\.21 +HIGH +fixed +CVE-2021-23337 +Command Injection in lodash +3: RUN npm install --omit=dev/);
  assert.ok(out.includes('PACKAGE  INSTALLED'));
  assert.ok(!out.includes('\x1b['), 'no colour unless asked');
});

test('fix advice block and warnings (inventory + scan, de-duplicated)', () => {
  const out = renderVulnTable(report({ warnings: ['layer 3: corrupt jar skipped', 'db is old'] }));
  assert.ok(out.includes('Fix advice: upgrading these 2 packages fixes 2 of 4 findings'));
  assert.match(out, /lodash +4\.17\.20 +4\.17\.21 +1: CVE-2021-23337 +\/app\/node_modules\/lodash\/package\.json/);
  assert.ok(out.endsWith('2 warnings:\n  layer 3: corrupt jar skipped\n  db is old\n'), out);
  assert.ok(!renderVulnTable(report({ fixAdvice: undefined })).includes('Fix advice'));
});

test('colour wraps only the SEVERITY cell and keeps columns aligned', () => {
  const plain = renderVulnTable(report());
  const color = renderVulnTable(report(), { color: true });
  assert.ok(color.includes('\x1b[1;31mCRITICAL\x1b[0m'));
  assert.ok(color.includes('\x1b[34mLOW     \x1b[0m'));
  // eslint-disable-next-line no-control-regex
  assert.equal(color.replace(/\x1b\[[0-9;]*m/g, ''), plain);
});

test('no findings: a clear message and no table', () => {
  const out = renderVulnTable(report({ findings: [], warnings: [] }));
  assert.ok(out.includes('\nNo vulnerabilities found\n'));
  assert.ok(!out.includes('PACKAGE'));
  assert.ok(!out.includes('Fix advice'));
});

test('rootfs scan without layers or OS: no LAYER labels, unknown OS', () => {
  const inv = { ...inventory, os: undefined, layers: [], target: { kind: 'rootfs' as const, reference: './rootfs', repoTags: [], repoDigests: [] } };
  const out = renderVulnTable(report({ inventory: inv, findings: report().findings.filter((f) => f.pkg.type === 'npm').map((f) => ({ ...f, pkg: { ...f.pkg, layerIndex: undefined } })) }));
  assert.ok(out.includes('OS:       unknown'));
  assert.match(out, /Command Injection in lodash\n/);
});

test('shortCreatedBy and layerLabel read like Dockerfile lines', () => {
  assert.equal(shortCreatedBy('/bin/sh -c #(nop)  CMD ["bash"]'), 'CMD ["bash"]');
  assert.equal(shortCreatedBy('/bin/sh -c apt-get update && apt-get install -y curl'), 'RUN apt-get update && apt-get install -…');
  assert.equal(shortCreatedBy('RUN /bin/sh -c make # buildkit'), 'RUN make');
  assert.equal(shortCreatedBy('COPY . /app # buildkit'), 'COPY . /app');
  assert.equal(layerLabel(inventory, 1), '2: CMD ["bash"]');
  assert.equal(layerLabel(inventory, undefined), '');
  assert.equal(layerLabel({ ...inventory, layers: [] }, 4), '5');
  assert.equal(truncate('a  b\nc', 10), 'a b c');
  assert.equal(truncate('abcdefghijkl', 5), 'abcd…');
});
