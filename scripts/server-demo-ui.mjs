#!/usr/bin/env node
// The acceptance demo of the monitoring server (scripts/server-demo.mjs) with the dashboard: the same
// steps, then Debian's chromium (playwright-core) opens the dashboard, signs in with a viewer token and
// saves screenshots showing the new events to test-artifacts/server-demo-ui/. Run after `npm run build`.
// No network, no Docker. Without /usr/bin/chromium the browser step is skipped with a message.
//
// The steps of the original demo:
//  1. an OLDER advisory set: every record of ../shared/osv published before 2026-01-01, imported into a temp cache
//  2. the server on its embedded default store (SQLite in the temp cache), a webhook receiver on loopback
//  3. ../shared/images/debian-bookworm-ssh.oci.tar registered by reference, with osManagedUpstream: its
//     Debian-installed Python packages (requests 2.28.1, urllib3 1.26.12 …) are matched against PyPI
//     advisories too. Without it they follow Debian's data, and ../shared/osv's Debian set ends in 2023
//     (releases up to 11), so a bookworm image gets no OS findings from it either way.
//  4. the NEWER set (all of ../shared/osv) becomes the advisory source; a re-match runs WITHOUT touching the
//     image again, and the new vulnerabilities reach the webhook receiver, HMAC-signed.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { buildServer } from '../dist/server/app.js';
import { serverConfig } from '../dist/server/config.js';
import { verifySignature } from '../dist/server/notify/webhook.js';
import { importAdvisories } from '../dist/vuln/db/index.js';
import { webPlugin } from '../dist/server/web/plugin.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const osvDir = join(shared, 'osv');
const image = join(shared, 'images', 'debian-bookworm-ssh.oci.tar');
if (!existsSync(osvDir) || !existsSync(image)) {
  console.error('server-demo: ../shared (osv/ and images/debian-bookworm-ssh.oci.tar) is needed');
  process.exit(2);
}
const CUTOFF = '2026-01-01T00:00:00Z';
const say = (s) => console.log(`\n== ${s}`);
const work = mkdtempSync(join(tmpdir(), 'bulwark-server-demo-'));
const cacheDir = join(work, 'cache');

async function olderSet() {
  const lines = [];
  let kept = 0;
  let dropped = 0;
  for (const f of readdirSync(osvDir).filter((n) => n.endsWith('.jsonl.gz')).sort()) {
    const rl = createInterface({ input: createReadStream(join(osvDir, f)).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line);
      if ((rec.published ?? rec.modified ?? '') < CUTOFF) (lines.push(line), kept++);
      else dropped++;
    }
  }
  const file = join(work, 'older.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, kept, dropped };
}

async function call(base, token, method, path, json) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
    signal: AbortSignal.timeout(300_000),
  });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const CHROMIUM = '/usr/bin/chromium';

/** Opens the dashboard in chromium, checks the new events are shown, saves screenshots; false on a failed check. */
async function dashboardScreenshots(base, viewer, imageId, newIds) {
  if (!existsSync(CHROMIUM)) {
    console.log(`${CHROMIUM} is missing (apt-get install chromium, or scripts/setup-system.sh): dashboard step skipped`);
    return undefined;
  }
  const { chromium } = await import('playwright-core');
  const out = join(root, 'test-artifacts', 'server-demo-ui');
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'bulwark-demo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // nothing but this server: any other request is refused
    await context.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await page.getByLabel('API token').fill(viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const feed = page.locator('table.events');
    await feed.locator('tr[data-event-type="vulnerability.new"]').first().waitFor({ timeout: 30_000 });
    await page.locator('svg.chart').waitFor({ timeout: 30_000 });
    const text = await feed.innerText();
    const shown = newIds.filter((v) => text.includes(v));
    await page.screenshot({ path: join(out, 'overview.png'), fullPage: true });
    await page.goto(`${base}/#/images/${imageId}`);
    await page.locator('table.findings tbody tr[data-vuln-id]').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(out, 'image.png'), fullPage: true });
    await page.locator('section[aria-labelledby="findings-h"]').screenshot({ path: join(out, 'image-findings.png') });
    await page.goto(`${base}/#/events?type=vulnerability.new`);
    await page.locator('table.events tbody tr[data-event-type="vulnerability.new"]').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(out, 'events.png'), fullPage: true });
    console.log(`latest events on the overview show ${shown.length} of the new vulnerabilities (${[...new Set(shown)].join(', ')})`);
    console.log(`screenshots: ${['overview.png', 'image.png', 'image-findings.png', 'events.png'].map((f) => join('test-artifacts', 'server-demo-ui', f)).join(', ')}`);
    return shown.length > 0;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

let server;
let receiver;
try {
  say(`older advisory set: ../shared/osv records published before ${CUTOFF}`);
  const older = await olderSet();
  const imp = await importAdvisories(cacheDir, older.file);
  console.log(`kept ${older.kept}, left out ${older.dropped}; imported ${imp.records} in ${imp.seconds.toFixed(1)} s`);

  say('webhook receiver on loopback');
  const received = [];
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${receiver.address().port}/bulwark`;
  console.log(hookUrl);

  say('server: embedded SQLite store, advisory source for re-matches = ../shared/osv (the newer, full set)');
  const admin = `bwk_${randomBytes(32).toString('base64url')}`;
  server = await buildServer(
    serverConfig({ cacheDir, port: 0, logLevel: 'warn', adminToken: admin, allowLocalImages: true, advisoriesUrl: osvDir, updateIntervalMs: 0, watchIntervalMs: 0, plugins: [{ name: 'web', plugin: webPlugin }] }),
  );
  const base = await server.listen();
  console.log(`listening on ${base}, store ${server.ctx.config.db ?? join('<cache>', 'server.db')} (${server.ctx.store.kind})`);

  const secret = randomBytes(32).toString('base64url');
  await call(base, admin, 'POST', '/api/v1/webhooks', { url: hookUrl, secret, events: ['vulnerability.new'] });
  const scanner = (await call(base, admin, 'POST', '/api/v1/tokens', { name: 'demo-ci', role: 'scanner' })).token;

  say('register the Debian image (scanned once) with osManagedUpstream');
  const reg = await call(base, scanner, 'POST', '/api/v1/images', { ref: `oci-archive:${image}`, osManagedUpstream: true });
  const id = reg.image.id;
  const before = await call(base, scanner, 'GET', `/api/v1/images/${id}/findings`);
  console.log(`image ${id} ${reg.image.digest}: ${before.length} findings with the older set`);
  for (const f of before) console.log(`  ${f.vulnId.padEnd(16)} ${f.severity.padEnd(8)} ${f.finding.pkg.name} ${f.finding.installedVersion}`);

  say('re-match: the server imports the newer set, then re-matches the stored inventory (no image pull)');
  const job = await call(base, scanner, 'POST', '/api/v1/rematch', { update: true, wait: true });
  console.log(`refresh: ${job.refresh.kind} of ${job.refresh.records} records in ${job.refresh.seconds.toFixed(1)} s`);
  console.log(`re-match: ${job.rematch.images} image(s), ${job.rematch.added} new, ${job.rematch.resolved} resolved`);

  say('events');
  const events = await call(base, scanner, 'GET', `/api/v1/images/${id}/events`);
  for (const e of events.reverse()) console.log(`  #${e.id} ${e.type}${e.payload.vulnId ? ` ${e.payload.vulnId} ${e.payload.severity} ${e.payload.package} ${e.payload.version}` : ''}`);

  say('webhook deliveries received');
  const want = events.filter((e) => e.type === 'vulnerability.new').length;
  for (let i = 0; i < 200 && received.length < want; i++) await new Promise((r) => setTimeout(r, 50));
  let valid = 0;
  for (const r of received) {
    const ok = verifySignature(secret, r.headers['x-bulwark-timestamp'], r.body, r.headers['x-bulwark-signature']);
    if (ok) valid++;
    const p = JSON.parse(r.body);
    console.log(`  ${ok ? 'signature ok ' : 'BAD SIGNATURE'} ${p.type} ${p.data.vulnId} ${p.data.severity} in ${p.image.ref.replace(shared, '../shared')}`);
  }
  console.log(`\n${received.length}/${want} delivered, ${valid} with a valid HMAC`);
  if (want === 0 || received.length !== want || valid !== want) process.exitCode = 1;

  say('dashboard: Debian chromium signs in with a viewer token and shows the new events');
  const viewer = (await call(base, admin, 'POST', '/api/v1/tokens', { name: 'demo-dashboard', role: 'viewer' })).token;
  const shots = await dashboardScreenshots(base, viewer, id, events.filter((e) => e.type === 'vulnerability.new').map((e) => e.payload.vulnId));
  if (shots === false) process.exitCode = 1;
} finally {
  await server?.close();
  receiver?.close();
  rmSync(work, { recursive: true, force: true });
}
