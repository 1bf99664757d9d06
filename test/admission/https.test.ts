/**
 * The endpoint end to end over HTTPS: `bulwark admission` flags → standalone server with a
 * certificate generated now (openssl), then the same plugin inside `bulwark server` (public route,
 * no token). Status codes for bodies that cannot be answered with an AdmissionReview.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { buildServer } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { openStore } from '../../src/server/store/index.js';
import { admissionServerConfig, admissionServerPlugin, buildAdmissionServer, createAdmissionContext, registerAdmissionCommand, type AdmissionFlags, type AdmissionServer } from '../../src/server/admission/index.js';
import { isBulwarkError } from '../../src/shared/errors.js';
import { fixture } from './helpers.js';

interface Reply {
  status: number;
  body: string;
}

function post(base: string, ca: Buffer, path: string, body: string, contentType = 'application/json', method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${base}${path}`, { method, ca, headers: { 'content-type': contentType }, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(method === 'GET' ? undefined : body);
  });
}

function flags(over: Partial<AdmissionFlags>): AdmissionFlags {
  return { port: '0', host: '127.0.0.1', mode: 'enforce', failurePolicy: 'closed', podSecurity: 'baseline', timeout: '8s', cacheTtl: '10m', digestTtl: '1m', bodyLimit: '64KiB', logLevel: 'silent', ...over };
}

describe('admission over HTTPS', () => {
  let dir: string;
  let ca: Buffer;
  let server: AdmissionServer;
  let base: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-admission-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt'), '-days', '1', '-subj', '/CN=bulwark-admission.bulwark.svc', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:bulwark-admission.bulwark.svc'], { stdio: 'ignore' });
    ca = await readFile(join(dir, 'tls.crt'));
    const { config } = await admissionServerConfig(flags({ tlsCert: join(dir, 'tls.crt'), tlsKey: join(dir, 'tls.key'), cacheDir: dir }));
    server = await buildAdmissionServer(config);
    base = await server.listen();
  });
  after(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers AdmissionReviews: a privileged Pod is denied, a hardened one admitted', async () => {
    const denied = await post(base, ca, '/admission', JSON.stringify(fixture('pod-privileged')));
    assert.equal(denied.status, 200);
    const d = JSON.parse(denied.body) as { apiVersion: string; kind: string; response: { uid: string; allowed: boolean; status: { message: string } } };
    assert.equal(d.apiVersion, 'admission.k8s.io/v1');
    assert.equal(d.kind, 'AdmissionReview');
    assert.equal(d.response.uid, '705ab4f5-6393-11e8-b7cc-42010a800001');
    assert.equal(d.response.allowed, false);
    assert.match(d.response.status.message, /Privileged Containers/);
    const ok = JSON.parse((await post(base, ca, '/admission', JSON.stringify(fixture('pod-ok')))).body) as { response: { allowed: boolean } };
    assert.equal(ok.response.allowed, true);
  });

  it('answers a review it cannot evaluate with an AdmissionReview (failure policy)', async () => {
    const body = { ...fixture('pod-ok'), apiVersion: 'admission.k8s.io/v1beta1' };
    const r = await post(base, ca, '/admission', JSON.stringify(body));
    assert.equal(r.status, 200);
    assert.equal((JSON.parse(r.body) as { response: { allowed: boolean } }).response.allowed, false);
  });

  it('400 for what cannot be read, 415 for another content type, 413 past the body limit', async () => {
    assert.equal((await post(base, ca, '/admission', '{"apiVersion": ')).status, 400);
    assert.equal((await post(base, ca, '/admission', '[1,2]')).status, 400);
    assert.equal((await post(base, ca, '/admission', JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: {} }))).status, 400);
    assert.equal((await post(base, ca, '/admission', 'kind: AdmissionReview', 'application/yaml')).status, 415);
    const big = fixture('pod-ok') as { request: { object: { metadata: Record<string, unknown> } } };
    big.request.object.metadata.annotations = { filler: 'x'.repeat(70 * 1024) };
    assert.equal((await post(base, ca, '/admission', JSON.stringify(big))).status, 413);
  });

  it('serves probes', async () => {
    assert.equal((await post(base, ca, '/healthz', '', 'application/json', 'GET')).status, 200);
    assert.equal((await post(base, ca, '/readyz', '', 'application/json', 'GET')).status, 200);
  });

  it('inside bulwark server: public (no token) and not rate limited', async () => {
    const store = await openStore(join(dir, 'server.db'));
    const tls = { cert: await readFile(join(dir, 'tls.crt')), key: await readFile(join(dir, 'tls.key')) };
    const admission = createAdmissionContext();
    const config = serverConfig({ cacheDir: dir, port: 0, logLevel: false, adminToken: randomBytes(24).toString('hex'), updateIntervalMs: 0, watchIntervalMs: 0, tls, rateLimit: { max: 2, timeWindowMs: 60_000 }, plugins: [admissionServerPlugin(admission)] });
    const srv = await buildServer(config, store);
    try {
      const url = await srv.listen();
      for (let i = 0; i < 4; i++) {
        const r = await post(url, ca, '/admission', JSON.stringify(fixture('deployment-docker-sock')));
        assert.equal(r.status, 200, r.body);
        assert.equal((JSON.parse(r.body) as { response: { allowed: boolean } }).response.allowed, false);
      }
      assert.equal((await post(url, ca, '/api/v1/images', '', 'application/json', 'GET')).status, 401);
    } finally {
      await srv.close();
      await store.close();
    }
  });
});

describe('bulwark admission flags', () => {
  it('requires TLS and rejects unknown modes and timeouts past 30s', async () => {
    const usage = (f: Partial<AdmissionFlags>) => assert.rejects(admissionServerConfig(flags({ tlsCert: 'c', tlsKey: 'k', ...f })), (e) => isBulwarkError(e, 'USAGE'));
    await assert.rejects(admissionServerConfig(flags({})), /--tls-cert and --tls-key are required/);
    await usage({ mode: 'audit' });
    await usage({ failurePolicy: 'ignore' });
    await usage({ podSecurity: 'restricted' });
    await usage({ timeout: '45s' });
    await usage({ policy: join(tmpdir(), 'no-such-policy.yaml') });
  });

  it('registers the command with its options', () => {
    const program = new Command();
    registerAdmissionCommand(program, async () => {});
    const cmd = program.commands.find((c) => c.name() === 'admission');
    const names = cmd?.options.map((o) => o.long);
    for (const n of ['--port', '--tls-cert', '--tls-key', '--policy', '--mode', '--failure-policy', '--timeout', '--exempt-namespace', '--docker-config']) assert.ok(names?.includes(n), n);
  });
});
