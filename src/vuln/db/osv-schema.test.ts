import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateOsv } from './osv-schema.js';
import { osv } from './__fixtures__/fixtures.js';

test('accepts a minimal record and a full one, and unknown fields', () => {
  assert.ok(validateOsv({ id: 'GHSA-aaaa-bbbb-cccc', modified: '2024-01-01T00:00:00Z' }).ok);
  assert.ok(validateOsv({ ...osv('ALSA-2022:1234', 'AlmaLinux:8', 'openssl'), aliases: null, x_extra: { a: 1 } }).ok);
  assert.ok(validateOsv(osv('PYSEC-2024-1', 'PyPI', 'x', { modified: '2024-11-21T14:22:40.256677Z', withdrawn: '2024-11-22T04:37:03Z' })).ok);
});

test('rejects what the store cannot trust, with a reason', () => {
  const bad: [string, unknown][] = [
    ['not an object', 'x'],
    ['no modified', { id: 'A-1' }],
    ['bad id (real: Alpine secdb placeholder)', { id: 'ALPINE-CVE-????-?????', modified: '2020-01-01T00:00:00Z' }],
    ['bad time', { id: 'A-1', modified: 'yesterday' }],
    ['aliases not strings', { id: 'A-1', modified: '2020-01-01T00:00:00Z', aliases: [1] }],
    ['package without name', { id: 'A-1', modified: '2020-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Go' } }] }],
    ['unknown range type', osv('A-1', 'Go', 'x', { affected: [{ package: { ecosystem: 'Go', name: 'x' }, ranges: [{ type: 'DATE', events: [{ introduced: '0' }] }] }] })],
    ['event with two keys', osv('A-1', 'Go', 'x', { affected: [{ package: { ecosystem: 'Go', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] }] })],
  ];
  for (const [why, value] of bad) {
    const v = validateOsv(value);
    assert.equal(v.ok, false, why);
    if (!v.ok) assert.ok(v.reason.length > 0);
  }
});
