/**
 * The REST API end to end, run against every store: auth and roles, SBOM upload → findings,
 * re-match after a newer advisory set → "vulnerability.new" event → signed webhook delivery,
 * retries then a dead letter, rate limit (429), body limit (413), /metrics, health, deletion.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildServer, type BulwarkServer } from '../../src/server/app.js';
import { serverConfig, type ServerConfig } from '../../src/server/config.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../src/server/notify/webhook.js';
import type { Store } from '../../src/server/store/types.js';
import { fakeTokens } from '../../src/secrets/fake-tokens.js';
import { importAdvisories } from '../../src/vuln/db/index.js';
import { makeImage } from '../helpers/fixtures.js';
import { api, hardeningImageSpec, NEW_ADVISORIES, OLD_ADVISORIES, startReceiver, testSbom, testSecret, waitFor, writeAdvisories, type Receiver } from './fixtures.js';
import type { StoreFactory } from './store-suite.js';

async function start(store: Store, config: ServerConfig): Promise<{ server: BulwarkServer; base: string }> {
  const server = await buildServer(config, store);
  return { server, base: await server.listen() };
}

/** Registers the API tests under `name`. */
export function apiSuite(name: string, open: StoreFactory, skip: string | false = false): void {
  describe(`server API (${name})`, { skip }, () => {
    let dir: string;
    let store: Store;
    let server: BulwarkServer;
    let base: string;
    let admin: string;
    let scanner: string;
    let viewer: string;
    let good: Receiver;
    let bad: Receiver;
    let goodSecret: string;
    let imageId: number;
    let config: ServerConfig;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'bulwark-srv-api-'));
      await importAdvisories(dir, await writeAdvisories(dir, 'old', OLD_ADVISORIES));
      const newer = await writeAdvisories(dir, 'new', NEW_ADVISORIES);
      store = await open();
      admin = testSecret();
      config = serverConfig({
        cacheDir: dir,
        port: 0,
        logLevel: false,
        adminToken: admin,
        advisoriesUrl: newer,
        updateIntervalMs: 0,
        watchIntervalMs: 0,
        delivery: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 2000, pollMs: 20 },
      });
      ({ server, base } = await start(store, config));
      good = await startReceiver(200);
      bad = await startReceiver(500);
    });
    after(async () => {
      await server?.close();
      await store?.close();
      await good?.close();
      await bad?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('answers /healthz and /readyz without a token', async () => {
      assert.equal((await api(base, 'GET', '/healthz')).status, 200);
      const ready = await api(base, 'GET', '/readyz');
      assert.equal(ready.status, 200, ready.text);
      assert.equal(ready.body.checks.database.kind, store.kind);
    });

    it('refuses requests without a valid token (401) and with too low a role (403)', async () => {
      assert.equal((await api(base, 'GET', '/api/v1/images')).status, 401);
      assert.equal((await api(base, 'GET', '/api/v1/images', { token: 'bwk_not-a-token' })).status, 401);
      const s = await api(base, 'POST', '/api/v1/tokens', { token: admin, json: { name: 'ci', role: 'scanner' } });
      assert.equal(s.status, 201, s.text);
      scanner = s.body.token;
      assert.match(scanner, /^bwk_/);
      viewer = (await api(base, 'POST', '/api/v1/tokens', { token: admin, json: { name: 'dash', role: 'viewer' } })).body.token;
      assert.equal((await api(base, 'GET', '/api/v1/images', { token: viewer })).status, 200);
      assert.equal((await api(base, 'POST', '/api/v1/images/sbom', { token: viewer, body: testSbom() })).status, 403);
      assert.equal((await api(base, 'GET', '/api/v1/tokens', { token: scanner })).status, 403);
      assert.equal((await api(base, 'POST', '/api/v1/webhooks', { token: scanner, json: { url: good.url } })).status, 403);
      const tokens = await api(base, 'GET', '/api/v1/tokens', { token: admin });
      assert.equal(tokens.status, 200);
      assert.ok(tokens.body.every((t: Record<string, unknown>) => !('hash' in t) && !('token' in t)), 'no secrets listed');
      const temp = (await api(base, 'POST', '/api/v1/tokens', { token: admin, json: { name: 'temp', role: 'viewer' } })).body;
      assert.equal((await api(base, 'DELETE', `/api/v1/tokens/${temp.info.id}`, { token: admin })).status, 204);
      assert.equal((await api(base, 'GET', '/api/v1/images', { token: temp.token })).status, 401, 'revoked');
    });

    it('adds webhooks (admin); the secret is returned once and never listed', async () => {
      goodSecret = testSecret();
      const g = await api(base, 'POST', '/api/v1/webhooks', { token: admin, json: { url: good.url, secret: goodSecret, events: ['vulnerability.*'] } });
      assert.equal(g.status, 201, g.text);
      assert.equal(g.body.secret, goodSecret);
      const b = await api(base, 'POST', '/api/v1/webhooks', { token: admin, json: { url: bad.url, format: 'slack' } });
      assert.equal(b.status, 201);
      const list = await api(base, 'GET', '/api/v1/webhooks', { token: admin });
      assert.equal(list.body.length, 2);
      assert.ok(list.body.every((w: Record<string, unknown>) => !('secret' in w)));
    });

    it('registers an uploaded SBOM and matches it (scanner)', async () => {
      const r = await api(base, 'POST', '/api/v1/images/sbom?ref=example.test/app:1', { token: scanner, body: testSbom(), type: 'application/vnd.cyclonedx+json' });
      assert.equal(r.status, 201, r.text);
      imageId = r.body.image.id;
      assert.equal(r.body.image.ref, 'example.test/app:1');
      assert.equal(r.body.image.digest, `sha256:${'a'.repeat(64)}`);
      assert.deepEqual(
        r.body.events.map((e: { type: string }) => e.type),
        ['image.registered'],
      );
      const findings = await api(base, 'GET', `/api/v1/images/${imageId}/findings`, { token: viewer });
      assert.deepEqual(
        findings.body.map((f: { vulnId: string; severity: string }) => [f.vulnId, f.severity]),
        [['CVE-2099-0001', 'HIGH']],
      );
      assert.equal(findings.body[0].finding.fixedVersion, '4.17.21');
      const pkgs = await api(base, 'GET', `/api/v1/images/${imageId}/packages`, { token: viewer });
      assert.equal(pkgs.body.length, 3);
      const one = await api(base, 'GET', `/api/v1/images/${imageId}`, { token: viewer });
      assert.equal(one.body.packages, 3);
      assert.deepEqual(one.body.image.findings, { HIGH: 1 });
    });

    it('rejects a malformed SBOM with 400 and a one-line message', async () => {
      const r = await api(base, 'POST', '/api/v1/images/sbom', { token: scanner, body: '{"hello": "world"}' });
      assert.equal(r.status, 400, r.text);
      assert.match(r.body.message, /neither CycloneDX/);
      const bad = await api(base, 'POST', '/api/v1/images/sbom', { token: scanner, body: '{not json' });
      assert.equal(bad.status, 400);
    });

    it('refuses local image paths unless the server allows them', async () => {
      const r = await api(base, 'POST', '/api/v1/images', { token: scanner, json: { ref: `oci-archive:${join(dir, 'x.tar')}` } });
      assert.equal(r.status, 400, r.text);
      assert.match(r.body.message, /--allow-local-images/);
    });

    it('re-matches after a newer advisory set: a vulnerability.new event, delivered signed to the webhook', async () => {
      const r = await api(base, 'POST', '/api/v1/rematch', { token: scanner, json: { update: true, wait: true } });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.refresh.kind, 'import');
      assert.deepEqual([r.body.rematch.images, r.body.rematch.added, r.body.rematch.resolved], [1, 1, 0]);
      const events = await api(base, 'GET', `/api/v1/events?type=vulnerability.new`, { token: viewer });
      assert.equal(events.body.length, 1);
      const ev = events.body[0];
      assert.equal(ev.imageRef, 'example.test/app:1');
      assert.deepEqual([ev.payload.vulnId, ev.payload.severity, ev.payload.package, ev.payload.fixedVersion], ['CVE-2099-0002', 'CRITICAL', 'minimist', '1.2.6']);

      const got = await waitFor(() => good.received.find((x) => JSON.parse(x.body).type === 'vulnerability.new'), 5000, 'webhook delivery');
      const ts = String(got.headers[TIMESTAMP_HEADER]);
      assert.equal(verifySignature(goodSecret, ts, got.body, got.headers[SIGNATURE_HEADER] as string), true, 'valid HMAC');
      assert.equal(verifySignature('wrong-secret-wrong-secret', ts, got.body, got.headers[SIGNATURE_HEADER] as string), false);
      const payload = JSON.parse(got.body);
      assert.equal(payload.data.vulnId, 'CVE-2099-0002');
      assert.equal(payload.image.ref, 'example.test/app:1');
      assert.equal(good.received.filter((x) => JSON.parse(x.body).type === 'image.registered').length, 0, 'the webhook filters event types');

      const scans = await api(base, 'GET', `/api/v1/images/${imageId}/scans`, { token: viewer });
      assert.deepEqual(
        scans.body.map((s: { trigger: string; findings: number }) => [s.trigger, s.findings]),
        [
          ['rematch', 2],
          ['register', 1],
        ],
      );
      assert.notEqual(scans.body[0].advisoryStamp, scans.body[1].advisoryStamp);
    });

    it('retries a failing receiver with backoff, then keeps a dead letter', async () => {
      const hooks = (await api(base, 'GET', '/api/v1/webhooks', { token: admin })).body as { id: number; url: string }[];
      const failing = hooks.find((h) => h.url === bad.url)!;
      const dead = await waitFor(
        async () => {
          const d = await api(base, 'GET', `/api/v1/webhooks/${failing.id}/deliveries?status=dead`, { token: admin });
          return d.body.length >= 2 ? d.body : undefined;
        },
        10_000,
        'dead letters',
      );
      for (const d of dead) {
        assert.equal(d.attempts, 3);
        assert.equal(d.lastStatus, 500);
      }
      // image.registered + vulnerability.new, three attempts each, in Slack format
      assert.equal(bad.received.length, 6);
      const slack = JSON.parse(bad.received.find((x) => JSON.parse(x.body).text.startsWith('New CRITICAL'))!.body);
      assert.ok(Array.isArray(slack.blocks));
      assert.match(slack.text, /CVE-2099-0002 in example\.test\/app:1: minimist 1\.2\.0 \(fixed in 1\.2\.6\)/);
    });

    it('serves Prometheus metrics', async () => {
      const m = await api(base, 'GET', '/metrics');
      assert.equal(m.status, 200);
      assert.match(m.headers.get('content-type') ?? '', /text\/plain/);
      assert.match(m.text, /^bulwark_images 1$/m);
      assert.match(m.text, /^bulwark_findings\{severity="CRITICAL"\} 1$/m);
      assert.match(m.text, /^bulwark_webhook_deliveries\{status="dead"\} 2$/m);
      assert.match(m.text, /^bulwark_http_requests_total\{method="POST",route="\/api\/v1\/images\/sbom",status="201"\} 1$/m);
      assert.match(m.text, /^bulwark_jobs_total\{job="rematch",result="ok"\} 1$/m);
      assert.match(m.text, /^bulwark_advisory_db_age_seconds \d+$/m);
      assert.match(m.text, /^bulwark_http_request_duration_seconds_bucket/m);
    });

    it('publishes its OpenAPI document', async () => {
      const doc = await api(base, 'GET', '/openapi.json');
      assert.equal(doc.status, 200);
      assert.equal(doc.body.openapi.slice(0, 2), '3.');
      for (const p of ['/api/v1/images', '/api/v1/images/sbom', '/api/v1/events', '/api/v1/rematch', '/api/v1/webhooks', '/api/v1/tokens', '/readyz']) assert.ok(doc.body.paths[p], p);
    });

    it('deletes an image (admin) and keeps its events', async () => {
      assert.equal((await api(base, 'DELETE', `/api/v1/images/${imageId}`, { token: scanner })).status, 403);
      assert.equal((await api(base, 'DELETE', `/api/v1/images/${imageId}`, { token: admin })).status, 204);
      assert.equal((await api(base, 'GET', `/api/v1/images/${imageId}`, { token: viewer })).status, 404);
      const evs = await api(base, 'GET', `/api/v1/images/${imageId}/events`, { token: viewer });
      assert.deepEqual(evs.body[0].type, 'image.deleted');
    });

    it('keeps the layers and hardening results of an image it scans; search and findings history', async () => {
      const secret = fakeTokens().githubPat!;
      const img = await makeImage(dir, hardeningImageSpec(secret), { format: 'oci-archive', refName: 'hardening' }, 'hardening');
      const local = await start(store, { ...config, allowLocalImages: true, adminToken: admin });
      try {
        const reg = await api(local.base, 'POST', '/api/v1/images', { token: scanner, json: { ref: `oci-archive:${img.path}` } });
        assert.equal(reg.status, 201, reg.text);
        assert.ok(!reg.text.includes(secret), 'the registration answer holds no secret');
        const id = reg.body.image.id as number;

        const layers = await api(local.base, 'GET', `/api/v1/images/${id}/layers`, { token: viewer });
        assert.equal(layers.status, 200, layers.text);
        assert.deepEqual(
          layers.body.layers.map((l: { index: number; createdBy: string }) => [l.index, l.createdBy]),
          [
            [0, 'ADD rootfs.tar /'],
            [1, 'COPY config.env /srv/app/config.env'],
            [2, 'COPY node_modules /srv/app/node_modules'],
          ],
        );
        assert.ok(layers.body.layers.every((l: { diffId: string; size: number }) => /^sha256:[a-f0-9]{64}$/.test(l.diffId) && l.size > 0));

        const hard = await api(local.base, 'GET', `/api/v1/images/${id}/hardening`, { token: viewer });
        assert.equal(hard.status, 200, hard.text);
        const ids = hard.body.configFindings.map((f: { checkId: string }) => f.checkId);
        for (const c of ['IMG-001', 'IMG-002', 'IMG-006']) assert.ok(ids.includes(c), `${c} in ${ids.join(',')}`);
        assert.ok(Date.parse(hard.body.scannedAt) > 0);
        const gh = hard.body.secrets.find((x: { ruleId: string }) => x.ruleId === 'github-pat');
        assert.ok(gh, JSON.stringify(hard.body.secrets));
        assert.deepEqual([gh.path, gh.line, gh.layer, gh.layerCreatedBy], ['/srv/app/config.env', 1, 1, 'COPY config.env /srv/app/config.env']);
        assert.notEqual(gh.match, secret);
        assert.ok(gh.match.startsWith('ghp_') && !gh.match.includes(secret.slice(8)), `redacted: ${gh.match}`);
        assert.ok(!hard.text.includes(secret), 'the secret itself is never stored or returned');

        // an SBOM upload has neither: null, not invented
        const sb = await api(local.base, 'POST', '/api/v1/images/sbom?ref=example.test/sbom-only:1', { token: scanner, body: testSbom(), type: 'application/vnd.cyclonedx+json' });
        assert.equal(sb.status, 201, sb.text);
        const sid = sb.body.image.id as number;
        const sl = await api(local.base, 'GET', `/api/v1/images/${sid}/layers`, { token: viewer });
        assert.equal(sl.body.layers, null);
        assert.match(sl.body.reason, /SBOM/);
        const sh = await api(local.base, 'GET', `/api/v1/images/${sid}/hardening`, { token: viewer });
        assert.deepEqual([sh.status, sh.body.configFindings, sh.body.secrets, sh.body.scannedAt], [200, null, null, null]);
        assert.equal((await api(local.base, 'GET', '/api/v1/images/99999/hardening', { token: viewer })).status, 404);

        const sum = await api(local.base, 'GET', `/api/v1/images/${id}/summary`, { token: viewer });
        assert.equal(sum.status, 200, sum.text);
        assert.equal(sum.body.eol.distro, 'Debian');
        assert.deepEqual(sum.body.fixAdvice.packages.map((p: { name: string; recommended: string }) => `${p.name} ${p.recommended}`), ['lodash 4.17.21']);

        const pkg = await api(local.base, 'GET', '/api/v1/search?q=LODASH', { token: viewer });
        assert.equal(pkg.status, 200, pkg.text);
        assert.deepEqual(
          pkg.body.packages.map((p: { imageId: number; name: string; version: string }) => [p.imageId, p.name, p.version]),
          [
            [id, 'lodash', '4.17.20'],
            [sid, 'lodash', '4.17.20'],
          ],
        );
        const cve = await api(local.base, 'GET', '/api/v1/search?q=cve-2099-0001', { token: viewer });
        assert.deepEqual(
          cve.body.vulnerabilities.map((v: { imageRef: string; vulnId: string; package: string }) => [v.imageRef, v.vulnId, v.package]).sort(),
          [
            ['example.test/sbom-only:1', 'CVE-2099-0001', 'lodash'],
            [img.path.replace(/^/, 'oci-archive:'), 'CVE-2099-0001', 'lodash'],
          ].sort(),
        );
        const alias = await api(local.base, 'GET', '/api/v1/search?q=GHSA-test-lodash', { token: viewer });
        assert.equal(alias.body.vulnerabilities.length, 2, alias.text);
        const byRef = await api(local.base, 'GET', '/api/v1/search?q=sbom-only&limit=1', { token: viewer });
        assert.deepEqual(byRef.body.images.map((i: { id: number; findings: Record<string, number> }) => [i.id, i.findings]), [[sid, { HIGH: 1, CRITICAL: 1 }]]);
        const capped = await api(local.base, 'GET', '/api/v1/search?q=lodash&limit=1', { token: viewer });
        assert.deepEqual([capped.body.packages.length, capped.body.truncated], [1, true]);
        assert.equal((await api(local.base, 'GET', '/api/v1/search', { token: viewer })).status, 400);
        assert.equal((await api(local.base, 'GET', '/api/v1/search?q=x')).status, 401);

        const hist = await api(local.base, 'GET', '/api/v1/stats/findings-history', { token: viewer });
        assert.equal(hist.status, 200, hist.text);
        const last = hist.body.points.at(-1);
        assert.ok(hist.body.points.length >= 2, hist.text);
        assert.deepEqual([last.total, last.bySeverity], [3, { HIGH: 2, CRITICAL: 1 }]);
        const later = await api(local.base, 'GET', `/api/v1/stats/findings-history?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { token: viewer });
        assert.deepEqual(later.body.points.map((p: { total: number }) => p.total), [3], 'one starting point from the scans before since');
      } finally {
        await local.server.close();
      }
    });

    it('limits the rate per token (429) and the body size (413)', async () => {
      const small = await start(store, { ...config, rateLimit: { max: 5, timeWindowMs: 60_000 }, bodyLimit: 1024, adminToken: admin });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await api(small.base, 'GET', '/api/v1/events', { token: viewer })).status);
        assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
        const other = await api(small.base, 'GET', '/api/v1/events', { token: scanner });
        assert.equal(other.status, 200, 'another token has its own budget');
        const big = await api(small.base, 'POST', '/api/v1/images/sbom', { token: admin, body: testSbom().padEnd(4096, ' ') });
        assert.equal(big.status, 413, big.text);
      } finally {
        await small.server.close();
      }
    });
  });
}
