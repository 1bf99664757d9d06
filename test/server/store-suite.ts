/** The repository contract, run against every Store implementation (SQLite and PostgreSQL). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FindingRow, Store } from '../../src/server/store/types.js';
import type { Finding } from '../../src/vuln/match/types.js';

/** Opens a fresh, migrated store (an empty database each call). */
export type StoreFactory = () => Promise<Store>;

function finding(id: string, purl: string, severity: Finding['severity']['level'] = 'HIGH'): Finding {
  return {
    id,
    aliases: [],
    advisories: [id],
    pkg: { name: purl.split('/')[1]!.split('@')[0]!, version: '1.0.0', type: 'npm', purl },
    installedVersion: '1.0.0',
    fixedVersions: ['1.0.1'],
    fixedVersion: '1.0.1',
    status: 'fixed',
    severity: { level: severity, source: 'test' },
    title: `test ${id}`,
    references: [],
    match: { matcher: 'npm', ecosystem: 'npm', searchedBy: { name: 'x', version: '1.0.0' }, ranges: [] },
  };
}

function row(imageId: number, f: Finding, firstSeen: string): FindingRow {
  return { imageId, vulnId: f.id, pkg: f.pkg.purl, path: '', severity: f.severity.level, firstSeen, finding: f };
}

/** Registers the store contract tests under `name`. */
export function storeSuite(name: string, open: StoreFactory, skip: string | false = false): void {
  describe(`server store contract (${name})`, { skip }, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store?.close();
    });

    it('applies migrations once: a second run is a no-op', async () => {
      assert.deepEqual(await store.migrations(), [1, 2]);
      assert.deepEqual(await store.migrate(), []);
      assert.deepEqual(await store.migrations(), [1, 2]);
    });

    it('keeps one image per ref: upsert updates digest and flags', async () => {
      const a = await store.upsertImage({ ref: 'r.test/a:1', digest: 'sha256:1', sourceKind: 'image', osManagedUpstream: false });
      const b = await store.upsertImage({ ref: 'r.test/a:1', digest: 'sha256:2', sourceKind: 'image', osManagedUpstream: true });
      assert.equal(a.id, b.id);
      assert.equal(b.digest, 'sha256:2');
      assert.equal(b.osManagedUpstream, true);
      assert.deepEqual(await store.getImageByRef('r.test/a:1'), b);
      assert.equal(await store.getImage(999_999), undefined);
    });

    it('stores the inventory JSON and reads it back intact', async () => {
      const img = await store.upsertImage({ ref: 'r.test/inv:1', sourceKind: 'sbom', osManagedUpstream: false });
      const inv = { os: { family: 'debian', version: '12' }, packages: [{ name: 'ünïcode', version: '1', type: 'npm', purl: 'pkg:npm/%C3%BCn%C3%AFcode@1' }] };
      await store.putSbom(img.id, 'cyclonedx', inv as never);
      const got = await store.getSbom(img.id);
      assert.equal(got?.format, 'cyclonedx');
      assert.deepEqual(got?.inventory, inv);
    });

    it('replaces findings per scan, keeping firstSeen of those that stay, and records events atomically', async () => {
      const img = await store.upsertImage({ ref: 'r.test/f:1', sourceKind: 'image', osManagedUpstream: false });
      const f1 = finding('CVE-1', 'pkg:npm/a@1.0.0');
      const f2 = finding('CVE-2', 'pkg:npm/b@1.0.0', 'LOW');
      const s1 = await store.applyScan(img.id, { time: '2024-01-01T00:00:00.000Z', advisoryStamp: 'A', trigger: 'register' }, [row(img.id, f1, 'T1'), row(img.id, f1, 'T1')], [
        { type: 'image.registered', imageId: img.id, imageRef: img.ref, payload: { n: 1 } },
      ]);
      assert.equal(s1.scan.findings, 1, 'duplicate keys collapse');
      assert.equal(s1.events[0]!.type, 'image.registered');
      const s2 = await store.applyScan(img.id, { time: '2024-01-02T00:00:00.000Z', advisoryStamp: 'B', trigger: 'rematch' }, [row(img.id, f1, 'T2'), row(img.id, f2, 'T2')], []);
      assert.equal(s2.scan.findings, 2);
      const rows = await store.listFindings(img.id);
      assert.deepEqual(
        rows.map((r) => [r.vulnId, r.firstSeen, r.severity]),
        [
          ['CVE-1', 'T1', 'HIGH'],
          ['CVE-2', 'T2', 'LOW'],
        ],
      );
      assert.deepEqual(rows[0]!.finding, f1);
      const scans = await store.listScans(img.id);
      assert.deepEqual(
        scans.map((s) => [s.advisoryStamp, s.trigger]),
        [
          ['B', 'rematch'],
          ['A', 'register'],
        ],
      );
      assert.equal((await store.getImage(img.id))?.lastScanAt, '2024-01-02T00:00:00.000Z');
      const listed = (await store.listImages()).find((i) => i.id === img.id);
      assert.deepEqual(listed?.findings, { HIGH: 1, LOW: 1 });
    });

    it('pages events with a cursor and filters by image and type', async () => {
      const evs = await store.addEvents([
        { type: 'x.one', payload: { i: 1 } },
        { type: 'x.two', imageId: 4242, imageRef: 'r.test/e', payload: { nested: { ok: true } } },
      ]);
      assert.ok(evs[1]!.id > evs[0]!.id);
      const after = await store.listEvents({ afterId: evs[0]!.id });
      assert.deepEqual(
        after.map((e) => e.type),
        ['x.two'],
      );
      assert.deepEqual((await store.listEvents({ imageId: 4242 }))[0]!.payload, { nested: { ok: true } });
      assert.equal((await store.listEvents({ type: 'x.one' })).length, 1);
      assert.deepEqual(await store.getEvent(evs[0]!.id), evs[0]);
    });

    it('deletes an image with its SBOM, scans and findings, keeping events', async () => {
      const img = await store.upsertImage({ ref: 'r.test/del:1', sourceKind: 'image', osManagedUpstream: false });
      await store.putSbom(img.id, 'inventory', { packages: [] });
      await store.applyScan(img.id, { time: new Date().toISOString(), trigger: 'register' }, [row(img.id, finding('CVE-9', 'pkg:npm/z@1.0.0'), 'T')], [
        { type: 'image.registered', imageId: img.id, payload: {} },
      ]);
      assert.equal(await store.deleteImage(img.id), true);
      assert.equal(await store.deleteImage(img.id), false);
      assert.equal(await store.getSbom(img.id), undefined);
      assert.deepEqual(await store.listFindings(img.id), []);
      assert.deepEqual(await store.listScans(img.id), []);
      assert.equal((await store.listEvents({ imageId: img.id })).length, 1);
    });

    it('finds tokens by hash only and revokes them', async () => {
      const t = await store.createToken({ name: 'ci', role: 'scanner', hash: 'h'.repeat(64) });
      assert.equal((await store.findTokenByHash('h'.repeat(64)))?.id, t.id);
      assert.equal(await store.findTokenByHash('x'), undefined);
      await store.touchToken(t.id, '2024-05-05T00:00:00.000Z');
      assert.equal(await store.revokeToken(t.id), true);
      const again = await store.findTokenByHash('h'.repeat(64));
      assert.equal(again?.revoked, true);
      assert.equal(again?.lastUsedAt, '2024-05-05T00:00:00.000Z');
      await assert.rejects(store.createToken({ name: 'dup', role: 'viewer', hash: 'h'.repeat(64) }));
    });

    it('queues one delivery per (webhook, event), hands out due ones and records attempts', async () => {
      const w = await store.createWebhook({ url: 'http://127.0.0.1:9/x', secret: 's'.repeat(20), format: 'slack', events: ['vulnerability.*'], enabled: true });
      assert.deepEqual((await store.getWebhook(w.id))?.events, ['vulnerability.*']);
      const [e] = await store.addEvents([{ type: 'vulnerability.new', payload: {} }]);
      const t0 = '2024-01-01T00:00:00.000Z';
      assert.equal(await store.enqueueDeliveries([{ webhookId: w.id, eventId: e!.id }, { webhookId: w.id, eventId: e!.id }], t0), 1);
      assert.equal(await store.enqueueDeliveries([{ webhookId: w.id, eventId: e!.id }], t0), 0);
      const due = await store.dueDeliveries('2024-01-01T00:00:01.000Z', 10);
      const d = due.find((x) => x.webhookId === w.id)!;
      assert.equal(d.status, 'pending');
      await store.updateDelivery(d.id, { status: 'pending', attempts: 1, nextAttemptAt: '2030-01-01T00:00:00.000Z', lastError: 'HTTP 500', lastStatus: 500 }, t0);
      assert.equal((await store.dueDeliveries('2024-01-02T00:00:00.000Z', 10)).some((x) => x.id === d.id), false);
      await store.updateDelivery(d.id, { status: 'dead', attempts: 2, nextAttemptAt: t0, lastError: 'HTTP 500', lastStatus: 500 }, t0);
      const dead = await store.listDeliveries({ webhookId: w.id, status: 'dead' });
      assert.deepEqual(
        dead.map((x) => [x.attempts, x.lastStatus, x.lastError]),
        [[2, 500, 'HTTP 500']],
      );
      assert.equal((await store.stats()).deliveries.dead, 1);
      assert.equal(await store.deleteWebhook(w.id), true);
      assert.deepEqual(await store.listDeliveries({ webhookId: w.id }), []);
    });

    it('keeps watches, meta and stats', async () => {
      const w = await store.createWatch({ repository: 'r.test/app', tagPattern: 'v.*', osManagedUpstream: false });
      const same = await store.createWatch({ repository: 'r.test/app', tagPattern: 'v.*', osManagedUpstream: true });
      assert.equal(same.id, w.id);
      await store.touchWatch(w.id, '2024-01-01T00:00:00.000Z', 'boom');
      const got = (await store.listWatches()).find((x) => x.id === w.id);
      assert.equal(got?.lastError, 'boom');
      assert.equal(got?.osManagedUpstream, true);
      assert.equal(await store.deleteWatch(w.id), true);
      assert.equal(await store.getMeta('k'), undefined);
      await store.setMeta('k', 'v1');
      await store.setMeta('k', 'v2');
      assert.equal(await store.getMeta('k'), 'v2');
      const s = await store.stats();
      assert.ok(s.images >= 3);
      assert.ok((s.findings.HIGH ?? 0) >= 1);
    });

    it('answers ping', async () => {
      await store.ping();
    });
  });
}
