/**
 * Registry watch against the real loopback registry: tags matching the pattern are scanned once,
 * an unchanged tag is not scanned again, and a moved tag is re-scanned with an image.updated event.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildImage, type ImageSpec } from '../../src/image/writer.js';
import { buildServer, type BulwarkServer } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { openStore } from '../../src/server/store/index.js';
import { pushImage } from '../../src/source/registry/index.js';
import { importAdvisories } from '../../src/vuln/db/index.js';
import { debianLikeSpec } from '../helpers/fixtures.js';
import { REGISTRY_SKIP, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { api, OLD_ADVISORIES, testSecret, writeAdvisories } from './fixtures.js';

function withApp(spec: ImageSpec, lodash: string): ImageSpec {
  return { ...spec, layers: [...spec.layers, { createdBy: 'COPY app /app', files: [{ path: 'app/node_modules/lodash/package.json', content: JSON.stringify({ name: 'lodash', version: lodash }) }] }] };
}

describe('registry watch (loopback registry)', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let dir: string;
  let server: BulwarkServer;
  let base: string;
  let token: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-srv-watch-'));
    reg = await startRegistry();
    await importAdvisories(dir, await writeAdvisories(dir, 'old', OLD_ADVISORIES));
    token = testSecret();
    const config = serverConfig({ cacheDir: dir, port: 0, logLevel: false, adminToken: token, updateIntervalMs: 0, watchIntervalMs: 0, plainHttpRegistries: [reg.host] });
    server = await buildServer(config, await openStore(join(dir, 'server.db')));
    base = await server.listen();
    await pushImage(`${reg.host}/team/app:v1`, await buildImage(withApp(debianLikeSpec(), '4.17.20'), await mkdtemp(join(dir, 'img-'))), { plainHttp: true });
    await pushImage(`${reg.host}/team/app:latest`, await buildImage(withApp(debianLikeSpec(), '4.17.20'), await mkdtemp(join(dir, 'img-'))), { plainHttp: true });
  });
  after(async () => {
    await server?.close();
    await server?.ctx.store.close();
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('scans matching tags, skips known digests and re-scans a moved tag', async () => {
    const w = await api(base, 'POST', '/api/v1/watches', { token, json: { repository: `${reg.host}/team/app`, tagPattern: 'v[0-9]+' } });
    assert.equal(w.status, 201, w.text);
    const first = await api(base, 'POST', '/api/v1/watches/poll', { token });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body[0].error, undefined);
    assert.equal(first.body[0].tags, 1, 'latest does not match the pattern');
    assert.equal(first.body[0].scanned.length, 1);
    assert.match(first.body[0].scanned[0], new RegExp(`^${reg.host}/team/app:v1@sha256:[a-f0-9]{64}$`));

    const images = await api(base, 'GET', '/api/v1/images', { token });
    assert.equal(images.body.length, 1);
    const img = images.body[0];
    assert.deepEqual([img.ref, img.sourceKind, img.findings], [`${reg.host}/team/app:v1`, 'watch', { HIGH: 1 }]);

    const again = await api(base, 'POST', '/api/v1/watches/poll', { token });
    assert.deepEqual(again.body[0].scanned, [], 'unchanged digest: no scan');

    // the tag moves to an image with a fixed lodash: re-scanned, the finding resolved
    await pushImage(`${reg.host}/team/app:v1`, await buildImage(withApp(debianLikeSpec(), '4.17.21'), await mkdtemp(join(dir, 'img-'))), { plainHttp: true });
    const moved = await api(base, 'POST', '/api/v1/watches/poll', { token });
    assert.equal(moved.body[0].scanned.length, 1);
    const events = await api(base, 'GET', `/api/v1/images/${img.id}/events`, { token });
    const types = events.body.map((e: { type: string }) => e.type);
    assert.ok(types.includes('image.updated'), types.join(','));
    assert.ok(types.includes('vulnerability.resolved'), types.join(','));
    const updated = events.body.find((e: { type: string }) => e.type === 'image.updated');
    assert.equal(updated.payload.previousDigest, img.digest);
    assert.deepEqual((await api(base, 'GET', `/api/v1/images/${img.id}/findings`, { token })).body, []);
  });
});
