import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, Severity } from '../vuln/match/types.js';
import { findings } from './__fixtures__/findings.js';
import { compareFindings, countBySeverity, countByStatus, exceeds, formatCounts, parseSeverity, severityRank, sortFindings, summarize } from './summary.js';

function withLevel(level: Severity): Finding {
  return { ...findings[0]!, severity: { level, source: 'test' } };
}

test('severityRank orders CRITICAL > HIGH > MEDIUM > LOW > NEGLIGIBLE > UNKNOWN', () => {
  const order: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'];
  assert.deepEqual(order.map(severityRank), [0, 1, 2, 3, 4, 5]);
});

test('counts have every key, zero or not, in a fixed order', () => {
  const s = summarize(findings);
  assert.equal(s.total, 4);
  assert.deepEqual(s.bySeverity, { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, NEGLIGIBLE: 0, UNKNOWN: 1 });
  assert.deepEqual(Object.keys(countBySeverity([])), ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN']);
  assert.deepEqual(s.byStatus, { fixed: 2, affected: 1, fix_deferred: 0, will_not_fix: 1, end_of_life: 0, unknown: 0 });
  assert.deepEqual(Object.values(countByStatus([])), [0, 0, 0, 0, 0, 0]);
  assert.equal(s.fixable, 2);
  assert.equal(formatCounts(s), 'Total: 4 (CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, NEGLIGIBLE: 0, UNKNOWN: 1), 2 fixable');
});

test('exceeds gates on the minimum severity, inclusive', () => {
  const medium = [withLevel('MEDIUM')];
  assert.equal(exceeds(medium, 'CRITICAL'), false);
  assert.equal(exceeds(medium, 'HIGH'), false);
  assert.equal(exceeds(medium, 'MEDIUM'), true);
  assert.equal(exceeds(medium, 'LOW'), true);
  assert.equal(exceeds(medium, 'UNKNOWN'), true);
  assert.equal(exceeds([withLevel('UNKNOWN')], 'NEGLIGIBLE'), false, 'UNKNOWN ranks below NEGLIGIBLE');
  assert.equal(exceeds([withLevel('UNKNOWN')], 'UNKNOWN'), true);
  assert.equal(exceeds([], 'UNKNOWN'), false);
  assert.equal(exceeds(findings, 'CRITICAL'), true);
});

test('parseSeverity accepts any case and rejects other words', () => {
  assert.equal(parseSeverity('high'), 'HIGH');
  assert.equal(parseSeverity(' Critical '), 'CRITICAL');
  assert.equal(parseSeverity('moderate'), undefined);
});

test('sortFindings: severity first, then package, version, path, ID; input untouched', () => {
  const shuffled = [findings[3]!, findings[2]!, findings[1]!, findings[0]!];
  const sorted = sortFindings(shuffled);
  assert.deepEqual(sorted.map((f) => f.id), ['CVE-2023-5678', 'CVE-2021-23337', 'CVE-2023-45853', 'CVE-2024-0001']);
  assert.equal(shuffled[0], findings[3]);
  const a = { ...findings[0]!, id: 'CVE-B' };
  const b = { ...findings[0]!, id: 'CVE-A' };
  assert.ok(compareFindings(b, a) < 0);
  assert.equal(compareFindings(a, a), 0);
});
