#!/usr/bin/env node
// Acceptance demo of the monitoring server (run after `npm run build`): no network, no Docker.
//  1. an OLDER advisory set: every record of ../shared/osv published before 2026-01-01, imported into a temp cache
//  2. the server on its embedded default store (SQLite in the temp cache), a webhook receiver on loopback
//  3. ../shared/images/debian-bookworm-ssh.oci.tar registered by reference, with osManagedUpstream: its
//     Debian-installed Python packages (requests 2.28.1, urllib3 1.26.12 …) are matched against PyPI
//     advisories too. Without it they follow Debian's data, and ../shared/osv's Debian set ends in 2023
//     (releases up to 11), so a bookworm image gets no OS findings from it either way.
//  4. the NEWER set (all of ../shared/osv) becomes the advisory source; a re-match runs WITHOUT touching the
//     image again, and the new vulnerabilities reach the webhook receiver, HMAC-signed.
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const osvDir = join(shared, 'osv');
const image = join(shared, 'images', 'debian-bookworm-ssh.oci.tar');
const CUTOFF = '2026-01-01T00:00:00Z';
export const say = (s) => console.log(`\n== ${s}`);

async function olderSet(work) {
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

export async function call(base, token, method, path, json) {
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

/**
 * Runs the demo; `plugins` are extra server route plugins (the dashboard), `after` runs once the events
 * were delivered, with {base, admin, id, events}. Resolves to true when every step checked out.
 */
export async function runServerDemo({ plugins = [], after } = {}) {
  if (!existsSync(osvDir) || !existsSync(image)) {
    console.error('server-demo: ../shared (osv/ and images/debian-bookworm-ssh.oci.tar) is needed');
    return false;
  }
  const work = mkdtempSync(join(tmpdir(), 'bulwark-server-demo-'));
  const cacheDir = join(work, 'cache');
  let server;
  let receiver;
  let ok = true;
  try {
  say(`older advisory set: ../shared/osv records published before ${CUTOFF}`);
  const older = await olderSet(work);
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
    serverConfig({ cacheDir, port: 0, logLevel: 'warn', adminToken: admin, allowLocalImages: true, advisoriesUrl: osvDir, updateIntervalMs: 0, watchIntervalMs: 0, plugins }),
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
  if (want === 0 || received.length !== want || valid !== want) ok = false;
  if (after && (await after({ base, admin, id, events })) === false) ok = false;
  } finally {
    await server?.close();
    receiver?.close();
    rmSync(work, { recursive: true, force: true });
  }
  return ok;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = (await runServerDemo()) ? 0 : 1;
}
