/** The dashboard plugin without a browser: headers, files, 404s, path traversal, auth of its data route. */
import assert from 'node:assert/strict';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, defaultStaticDir, loadStaticFiles } from '../../src/server/web/plugin.js';
import { tempDir } from '../helpers/fixtures.js';
import { api, testSbom } from '../server/fixtures.js';
import { createToken, startWebServer, type WebServer } from './helpers.js';

/** A GET with the path sent exactly as written (fetch and URL would normalise "..", "%2e"). */
function rawGet(base: string, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method: 'GET', path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function assertSecurityHeaders(headers: Headers | http.IncomingHttpHeaders, what: string): void {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : (headers[k] as string | undefined));
  const csp = get('content-security-policy') ?? '';
  assert.equal(csp, CONTENT_SECURITY_POLICY, what);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/, 'scripts only from this origin, no inline');
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, 'no wildcard and no unsafe sources');
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(get('x-content-type-options'), 'nosniff', what);
  assert.equal(get('x-frame-options'), 'DENY', what);
  assert.equal(get('referrer-policy'), 'no-referrer', what);
}

describe('dashboard static plugin', () => {
  let w: WebServer;
  let viewer: string;
  before(async () => {
    w = await startWebServer();
    viewer = await createToken(w.base, w.admin, 'viewer');
  });
  after(() => w?.close());

  it('serves the shell at / and /ui/ without a token, with strict security headers', async () => {
    for (const path of ['/', '/ui/']) {
      const res = await fetch(w.base + path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assertSecurityHeaders(res.headers, path);
      const html = await res.text();
      assert.match(html, /<script type="module" src="\/ui\/app\.js"><\/script>/);
    }
    const head = await fetch(w.base + '/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    const bare = await fetch(w.base + '/ui', { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/ui/');
  });

  it('serves the assets with their types', async () => {
    for (const [name, type] of [
      ['app.js', 'text/javascript; charset=utf-8'],
      ['style.css', 'text/css; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await fetch(`${w.base}/ui/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type'), type, name);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assertSecurityHeaders(res.headers, name);
      assert.equal(Buffer.from(await res.arrayBuffer()).equals(await readFile(join(defaultStaticDir(), name))), true, name);
    }
  });

  it('answers 404 (JSON, with the same headers) for unknown files', async () => {
    for (const path of ['/ui/nope.js', '/ui/index.htm', '/ui/.hidden', '/ui/app.js/x', '/ui/static/app.js']) {
      const res = await fetch(w.base + path);
      assert.equal(res.status, 404, path);
      assertSecurityHeaders(res.headers, path);
      assert.equal(((await res.json()) as { error: string }).error, 'not_found');
    }
  });

  it('cannot be walked out of its folder', async () => {
    const pkg = await readFile('package.json', 'utf8');
    const paths = [
      '/ui/../package.json',
      '/ui/../../package.json',
      '/ui/%2e%2e/package.json',
      '/ui/%2e%2e%2fpackage.json',
      '/ui/..%2f..%2f..%2fpackage.json',
      '/ui/..%5c..%5cpackage.json',
      '/ui/%2e%2e%2f%2e%2e%2f%2e%2e%2fsrc%2fserver%2fweb%2fplugin.ts',
      '/ui/..%252fpackage.json',
      '/ui//etc/passwd',
      '/ui/%2fetc%2fpasswd',
      '/ui/plugin.ts',
      '/ui/..',
      '/ui/./app.js/../../plugin.ts',
    ];
    for (const path of paths) {
      const r = await rawGet(w.base, path);
      assert.notEqual(r.status, 200, `${path} answered 200`);
      assert.ok(!r.body.includes('"name": "bulwark"') && !r.body.includes(pkg.slice(0, 40)), `${path} leaked package.json`);
      assert.ok(!r.body.includes('root:x:0:0'), `${path} leaked /etc/passwd`);
      assert.ok(!r.body.includes('webPlugin'), `${path} leaked the plugin source`);
    }
  });

  it('only loads plain files with safe names and known types', async () => {
    const { dir, cleanup } = await tempDir('bulwark-web-static-');
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html>');
      await writeFile(join(dir, 'ok.js'), '1');
      await writeFile(join(dir, 'secret.env'), 'KEY=1');
      await writeFile(join(dir, '.hidden.js'), '1');
      await mkdir(join(dir, 'sub.js'));
      await symlink('/etc/passwd', join(dir, 'passwd.txt'));
      assert.deepEqual([...loadStaticFiles(dir).keys()].sort(), ['index.html', 'ok.js']);
    } finally {
      await cleanup();
    }
  });

  it('keeps the UI free of inline code and outside resources', async () => {
    const dir = defaultStaticDir();
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    for (const m of html.matchAll(/<script\b[^>]*>/g)) assert.match(m[0], /\ssrc="\/ui\/[a-z.-]+"/, `inline script: ${m[0]}`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handler');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'inline style');
    assert.doesNotMatch(html, /<style\b/i, 'style element');
    const js = await readFile(join(dir, 'app.js'), 'utf8');
    assert.doesNotMatch(js, /\.innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, 'HTML strings or eval in app.js');
    const css = await readFile(join(dir, 'style.css'), 'utf8');
    const urls = [html, js, css].flatMap((t) => [...t.matchAll(/https?:\/\/[^\s'"`)]+/g)].map((m) => m[0]));
    assert.deepEqual([...new Set(urls.map((u) => new URL(u).host))].sort(), ['osv.dev', 'www.w3.org'], 'only osv.dev links and the SVG namespace');
    assert.doesNotMatch(css, /@import|url\(/, 'no CSS imports or fetched resources');
  });

  it('leaves the API closed; the image summary is an API route (viewer role)', async () => {
    assert.equal((await api(w.base, 'GET', '/api/v1/images')).status, 401);
    const reg = await api(w.base, 'POST', '/api/v1/images/sbom?ref=example.test/app', { token: w.admin, body: testSbom(), type: 'application/vnd.cyclonedx+json' });
    assert.equal(reg.status, 201, reg.text);
    const id = reg.body.image.id as number;
    assert.equal((await api(w.base, 'GET', `/api/v1/images/${id}/summary`)).status, 401);
    const r = await api(w.base, 'GET', `/api/v1/images/${id}/summary`, { token: viewer });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.eol.state, 'unknown');
    assert.deepEqual(
      r.body.fixAdvice.packages.map((p: { name: string; recommended: string; fixes: string[] }) => `${p.name} ${p.recommended} ${p.fixes.join(',')}`),
      ['lodash 4.17.21 CVE-2099-0001'],
    );
    assert.equal((await api(w.base, 'GET', '/api/v1/images/999/summary', { token: viewer })).status, 404);
    assert.equal((await api(w.base, 'GET', '/api/v1/images/x/summary', { token: viewer })).status, 400);
    assert.equal((await api(w.base, 'GET', `/ui/data/images/${id}/summary`, { token: viewer })).status, 404, 'the temporary dashboard route is gone');
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await api(w.base, 'GET', '/openapi.json')).body as { paths: Record<string, unknown> };
    assert.deepEqual(Object.keys(doc.paths).filter((p) => p === '/' || p.startsWith('/ui')), []);
  });
});
