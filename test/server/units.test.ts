/** Unit tests of the server's pure parts: config parsing, diffing, EOL events, signing, backoff, tag paging, bootstrap. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bootstrapAdmin, hashToken } from '../../src/server/auth.js';
import { parseDuration, parseSize } from '../../src/server/config.js';
import { diffEvents, diffFindings } from '../../src/server/jobs/diff.js';
import { eolEvents } from '../../src/server/jobs/hooks.js';
import { nextLink } from '../../src/server/jobs/tags.js';
import { backoffMs, DEFAULT_DELIVERY_POLICY } from '../../src/server/notify/dispatcher.js';
import { renderPayload, signBody, verifySignature } from '../../src/server/notify/webhook.js';
import { openStore } from '../../src/server/store/index.js';
import type { FindingRow, ImageRow } from '../../src/server/store/types.js';

const image: ImageRow = { id: 7, ref: 'r.test/app:1', sourceKind: 'image', osManagedUpstream: false, registeredAt: '2020-01-01T00:00:00.000Z' };

function row(vulnId: string, pkg: string): FindingRow {
  return {
    imageId: 7,
    vulnId,
    pkg,
    path: '',
    severity: 'HIGH',
    firstSeen: 'T',
    finding: { id: vulnId, aliases: [], advisories: [], pkg: { name: 'a', version: '1', type: 'npm', purl: pkg }, installedVersion: '1', fixedVersions: [], status: 'affected', severity: { level: 'HIGH', source: 't' }, title: 't', references: [], match: { matcher: 'npm', ecosystem: 'npm', searchedBy: { name: 'a', version: '1' }, ranges: [] } },
  };
}

describe('server units', () => {
  it('parses durations and sizes', () => {
    assert.equal(parseDuration('6h'), 21_600_000);
    assert.equal(parseDuration('30m'), 1_800_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('0'), 0);
    assert.throws(() => parseDuration('6'), /needs a unit/);
    assert.throws(() => parseDuration('soon'), /bad duration/);
    assert.equal(parseSize('32MiB'), 32 * 1024 * 1024);
    assert.equal(parseSize('1024'), 1024);
  });

  it('diffs findings by (vuln, package, path) and turns the diff into events', () => {
    const d = diffFindings([row('CVE-1', 'pkg:npm/a@1'), row('CVE-2', 'pkg:npm/a@1')], [row('CVE-2', 'pkg:npm/a@1'), row('CVE-3', 'pkg:npm/a@1')]);
    assert.deepEqual(
      d.added.map((r) => r.vulnId),
      ['CVE-3'],
    );
    assert.deepEqual(
      d.resolved.map((r) => r.vulnId),
      ['CVE-1'],
    );
    const ev = diffEvents(image, d);
    assert.deepEqual(
      ev.map((e) => [e.type, e.payload.vulnId, e.payload.severity]),
      [
        ['vulnerability.new', 'CVE-3', 'HIGH'],
        ['vulnerability.resolved', 'CVE-1', 'HIGH'],
      ],
    );
  });

  it('records os.eol once, when the OS crosses its end of life', () => {
    const os = { family: 'debian', version: '9.13', versionId: '9' };
    const now = new Date('2025-01-01T00:00:00Z');
    const first = eolEvents({ image, os, packages: [], findings: [], now });
    assert.equal(first.length, 1, 'EOL at registration');
    assert.equal(first[0]!.type, 'os.eol');
    assert.match(String(first[0]!.payload.os), /9/);
    assert.deepEqual(eolEvents({ image, os, packages: [], findings: [], now, previousScanAt: '2024-12-01T00:00:00Z' }), [], 'already EOL at the previous scan');
    assert.equal(eolEvents({ image, os, packages: [], findings: [], now, previousScanAt: '2015-01-01T00:00:00Z' }).length, 1, 'crossed since the previous scan');
    assert.deepEqual(eolEvents({ image, os: { family: 'debian', version: '12.5', versionId: '12' }, packages: [], findings: [], now }), []);
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 and verifies with a time window', () => {
    const secret = 'k'.repeat(32);
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = signBody(secret, ts, '{"a":1}');
    assert.match(sig, /^sha256=[a-f0-9]{64}$/);
    assert.equal(verifySignature(secret, ts, '{"a":1}', sig), true);
    assert.equal(verifySignature(secret, ts, '{"a":2}', sig), false);
    assert.equal(verifySignature(secret, String(Number(ts) - 3600), '{"a":1}', signBody(secret, String(Number(ts) - 3600), '{"a":1}')), false, 'too old');
  });

  it('renders Slack-compatible payloads', () => {
    const body = JSON.parse(renderPayload('slack', { id: 1, type: 'vulnerability.new', imageRef: 'r.test/app:1', payload: { vulnId: 'CVE-1', severity: 'HIGH', package: 'a', version: '1' }, createdAt: 'T' }));
    assert.equal(body.text, 'New HIGH vulnerability CVE-1 in r.test/app:1: a 1');
    assert.equal(body.blocks[0].type, 'section');
  });

  it('backs off exponentially up to a cap', () => {
    const p = { ...DEFAULT_DELIVERY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffMs(p, n)), [100, 200, 400, 800, 1000, 1000]);
  });

  it('follows tag-list Link headers on the same host only', () => {
    const base = new URL('http://127.0.0.1:5000/');
    assert.equal(nextLink('</v2/a/tags/list?n=100&last=x>; rel="next"', base), '/v2/a/tags/list?n=100&last=x');
    assert.equal(nextLink('<http://evil.test/v2/a/tags/list?last=x>; rel="next"', base), undefined);
    assert.equal(nextLink(undefined, base), undefined);
  });

  it('bootstraps one admin token: generated once, or the one from the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulwark-srv-boot-'));
    const store = await openStore(join(dir, 's.db'));
    try {
      const first = await bootstrapAdmin(store, undefined);
      assert.match(first ?? '', /^bwk_/);
      assert.equal(await bootstrapAdmin(store, undefined), undefined, 'printed only on first start');
      assert.equal((await store.findTokenByHash(hashToken(first!)))?.role, 'admin');
      const env = 'e'.repeat(24);
      await bootstrapAdmin(store, env);
      await bootstrapAdmin(store, env);
      assert.equal((await store.listTokens()).length, 2);
      await assert.rejects(bootstrapAdmin(store, 'short'), /at least 16/);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
