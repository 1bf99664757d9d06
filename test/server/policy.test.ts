/** The policy hook: an image that starts failing the configured policy after a re-match gets a policy.failing event. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parsePolicy } from '../../src/policy/index.js';
import { buildServer, type BulwarkServer } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { openStore } from '../../src/server/store/index.js';
import { importAdvisories } from '../../src/vuln/db/index.js';
import { api, NEW_ADVISORIES, OLD_ADVISORIES, testSbom, testSecret, writeAdvisories } from './fixtures.js';

describe('server policy hook', () => {
  let dir: string;
  let server: BulwarkServer;
  let base: string;
  let token: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-srv-policy-'));
    await importAdvisories(dir, await writeAdvisories(dir, 'old', OLD_ADVISORIES));
    const loaded = parsePolicy('apiVersion: bulwark.dev/v1\nkind: Policy\nrules:\n  vulnerabilities:\n    maxSeverity: HIGH\n  signatures:\n    - repositories: ["**"]\n      keyless: [{ issuer: "https://issuer.test", subject: "x" }]\n', 'test-policy.yaml');
    token = testSecret();
    const config = serverConfig({
      cacheDir: dir,
      port: 0,
      logLevel: false,
      adminToken: token,
      updateIntervalMs: 0,
      watchIntervalMs: 0,
      advisoriesUrl: await writeAdvisories(dir, 'new', NEW_ADVISORIES),
      policy: { name: 'test-policy.yaml', document: loaded.policy },
    });
    server = await buildServer(config, await openStore(join(dir, 'server.db')));
    base = await server.listen();
  });
  after(async () => {
    await server?.close();
    await server?.ctx.store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes with a HIGH finding, fails once a CRITICAL one appears (signature rules are left to admission)', async () => {
    const reg = await api(base, 'POST', '/api/v1/images/sbom?ref=registry.test/app:1', { token, body: testSbom() });
    assert.equal(reg.status, 201, reg.text);
    assert.deepEqual(
      reg.body.events.map((e: { type: string }) => e.type),
      ['image.registered'],
    );
    const r = await api(base, 'POST', '/api/v1/rematch', { token, json: { update: true, wait: true } });
    assert.equal(r.status, 200, r.text);
    const failing = await api(base, 'GET', '/api/v1/events?type=policy.failing', { token });
    assert.equal(failing.body.length, 1);
    assert.equal(failing.body[0].payload.policy, 'test-policy.yaml');
    assert.match(JSON.stringify(failing.body[0].payload.violations), /CVE-2099-0002/);
    await api(base, 'POST', '/api/v1/rematch', { token, json: { update: false, wait: true } });
    assert.equal((await api(base, 'GET', '/api/v1/events?type=policy.failing', { token })).body.length, 1, 'still failing: no second event');
  });
});
