/**
 * Behaviour docker-registry cannot show, against a scripted registry on loopback: the Bearer token
 * flow (realm on another host, token cache per scope, basic credentials and identity tokens sent to
 * the realm), blob redirects that must not carry Authorization, retries on 503, and registries
 * that serve content not matching the digest.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildImage } from '../../src/image/writer.js';
import { isBulwarkError } from '../../src/shared/errors.js';
import { sha256 } from '../../src/source/digest.js';
import { openRegistryImage } from '../../src/source/registry/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { testCredentials } from '../helpers/registry.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

function listen(handler: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void): Promise<{ server: http.Server; host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
      handler(req, body, res);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

describe('registry protocol details (scripted registry)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let reg: Awaited<ReturnType<typeof listen>>;
  let cdn: Awaited<ReturnType<typeof listen>>;
  const creds = testCredentials();
  const blobs = new Map<string, Buffer>();
  let manifest: Buffer;
  let flakyLeft = 1;
  const tokens = new Set<string>();

  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const built = await buildImage({ layers: [{ files: [{ path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.20.0\n' }] }] }, dir);
    manifest = built.manifest;
    blobs.set(sha256(built.config), built.config);
    blobs.set(built.layers[0]!.digest, await readFile(built.layers[0]!.file));

    // the "CDN" also hosts the token realm
    cdn = await listen((req, body, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/token') {
        const basic = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        const ok = req.method === 'POST' ? new URLSearchParams(body).get('refresh_token') === creds.password : req.headers.authorization === basic;
        if (!ok) return void res.writeHead(401).end();
        const token = `tok${tokens.size}`;
        tokens.add(token);
        res.setHeader('content-type', 'application/json');
        return void res.end(JSON.stringify(req.method === 'POST' ? { access_token: token, expires_in: 300 } : { token, expires_in: 300 }));
      }
      const blob = blobs.get(url.pathname.slice('/blob/'.length));
      if (!blob) return void res.writeHead(404).end();
      res.end(blob);
    });

    reg = await listen((req, _body, res) => {
      const m = /^\/v2\/(.+)\/(manifests|blobs)\/(.+)$/.exec(req.url!);
      if (!m) return void res.writeHead(404).end();
      const [, repo, what, ref] = m as unknown as [string, string, string, string];
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      if (!token || !tokens.has(token)) {
        res.setHeader('www-authenticate', `Bearer realm="http://${cdn.host}/token",service="fake",scope="repository:${repo}:pull"`);
        return void res.writeHead(401).end();
      }
      if (what === 'blobs') {
        res.setHeader('location', `http://${cdn.host}/blob/${ref}`);
        return void res.writeHead(307).end();
      }
      if (repo === 'flaky/img' && flakyLeft-- > 0) {
        res.setHeader('retry-after', '0');
        return void res.writeHead(503).end();
      }
      res.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json');
      if (repo === 'lying/img') {
        res.setHeader('docker-content-digest', sha256('something else'));
        return void res.end(manifest);
      }
      if (repo === 'swapped/img') return void res.end(Buffer.concat([manifest, Buffer.from(' ')]));
      res.setHeader('docker-content-digest', sha256(manifest));
      res.end(manifest);
    });
  });
  after(async () => {
    reg?.server.close();
    cdn?.server.close();
    await cleanup();
  });

  const base = () => ({ plainHttp: true, tmpDir: dir, dockerConfig: join(dir, 'none.json') });

  it('gets one token per scope from a realm on another host, with basic credentials, and keeps it off redirected blobs', async () => {
    const tokenCalls = () => cdn.seen.filter((s) => s.url.startsWith('/token')).length;
    const before = tokenCalls();
    const src = await openRegistryImage(`${reg.host}/good/img:1`, { ...base(), ...creds });
    const chunks: Buffer[] = [];
    for await (const c of await src.layers[0]!.open()) chunks.push(c as Buffer);
    await src.close();
    assert.equal(sha256(Buffer.concat(chunks)), src.layers[0]!.digest);
    assert.equal(tokenCalls() - before, 1, 'token cached for repository:good/img:pull');
    const tokenReq = cdn.seen.find((s) => s.url.startsWith('/token'))!;
    assert.match(tokenReq.url, /service=fake/);
    assert.match(tokenReq.url, /scope=repository%3Agood%2Fimg%3Apull/);
    const blobReqs = cdn.seen.filter((s) => s.url.startsWith('/blob/'));
    assert.equal(blobReqs.length, 2, 'config and layer through the redirect');
    for (const b of blobReqs) assert.equal(b.authorization, undefined, 'no Authorization sent to another host');
  });

  it('exchanges an identity token from config.json at the realm (POST, refresh_token grant)', async () => {
    const cfg = join(dir, 'identity.json');
    await writeFile(cfg, JSON.stringify({ auths: { [reg.host]: { identitytoken: creds.password } } }));
    const src = await openRegistryImage(`${reg.host}/good/img:1`, { ...base(), dockerConfig: cfg });
    await src.close();
    const post = cdn.seen.find((s) => s.method === 'POST' && s.url === '/token')!;
    const form = new URLSearchParams(post.body);
    assert.equal(form.get('grant_type'), 'refresh_token');
    assert.equal(form.get('service'), 'fake');
  });

  it('maps a refused token request to REGISTRY_UNAUTHORIZED', async () => {
    await assert.rejects(openRegistryImage(`${reg.host}/good/img:1`, { ...base(), username: creds.username, password: 'wrong' }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_UNAUTHORIZED'), String(err));
      assert.match(err.message, new RegExp(`registry ${reg.host}: credentials from the --username/--password flags were refused .*repository:good/img:pull`));
      return true;
    });
  });

  it('retries a 503 and succeeds', async () => {
    const src = await openRegistryImage(`${reg.host}/flaky/img:1`, { ...base(), ...creds });
    await src.close();
    assert.equal(flakyLeft, -1);
  });

  it('refuses a manifest whose bytes do not match Docker-Content-Digest', async () => {
    await assert.rejects(openRegistryImage(`${reg.host}/lying/img:1`, { ...base(), ...creds }), (err) => isBulwarkError(err, 'DIGEST_MISMATCH') && err.message.includes(`${reg.host}/lying/img:1`));
  });

  it('refuses a manifest fetched by digest whose bytes differ', async () => {
    await assert.rejects(openRegistryImage(`${reg.host}/swapped/img@${sha256(manifest)}`, { ...base(), ...creds }), (err) => isBulwarkError(err, 'DIGEST_MISMATCH'));
  });
});
