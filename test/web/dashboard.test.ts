/**
 * The dashboard end to end in Debian's chromium (playwright-core): a server on a temp SQLite store
 * with the old advisory set, an image written by the project's writer registered by path and an
 * SBOM uploaded; sign in with a pasted viewer token; overview, image page (finding + fix advice,
 * EOL flag, package filter, layers), search; then a newer advisory set and a re-match through the
 * API, a reload, and the new event in the feed. Screenshots of every page go to test-artifacts/web/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { fakeTokens } from '../../src/secrets/fake-tokens.js';
import { tempDir } from '../helpers/fixtures.js';
import { api, waitFor } from '../server/fixtures.js';
import { artifactsDir, createToken, launchChromium, NO_CHROMIUM, startWebServer, workerSbom, writeAppImage, type WebServer } from './helpers.js';

describe('dashboard in chromium', { skip: NO_CHROMIUM, timeout: 180_000 }, () => {
  let w: WebServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  let viewer: string;
  let scanner: string;
  let appId: number;
  let workerId: number;
  let shots: string;
  let cleanupImg: () => Promise<void>;
  // a fake token made now, never a literal in the repository: it must show only redacted
  const secret = fakeTokens().githubPat!;
  const problems: string[] = [];
  const outside: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const mainText = () => page.locator('main').innerText();

  before(async () => {
    shots = await artifactsDir();
    w = await startWebServer();
    viewer = await createToken(w.base, w.admin, 'viewer');
    scanner = await createToken(w.base, w.admin, 'scanner');
    const img = await tempDir('bulwark-web-img-');
    cleanupImg = img.cleanup;
    const reg = await api(w.base, 'POST', '/api/v1/images', { token: scanner, json: { ref: `oci-archive:${await writeAppImage(img.dir, secret)}` } });
    assert.equal(reg.status, 201, reg.text);
    appId = reg.body.image.id;
    const up = await api(w.base, 'POST', '/api/v1/images/sbom', { token: scanner, body: workerSbom(), type: 'application/vnd.cyclonedx+json' });
    assert.equal(up.status, 201, up.text);
    workerId = up.body.image.id;

    browser = await launchChromium();
    // nothing may leave the machine: every request to another origin is refused and recorded
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(w.base) || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  after(async () => {
    await browser?.close();
    await w?.close();
    await cleanupImg?.();
  });

  it('asks for a token, refuses a wrong one, accepts a viewer token', async () => {
    await page.goto(w.base + '/');
    await page.getByLabel('API token').waitFor();
    assert.equal(await page.locator('#nav').isHidden(), true, 'no navigation before signing in');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).isHidden(), true, 'no session buttons before signing in');
    await page.getByLabel('API token').fill('bwk_wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'refused' }).waitFor();
    await shot('01-login');
    await page.getByLabel('API token').fill(viewer);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(page.url().includes('bwk_'), false, 'the token never goes into the URL');
  });

  it('overview: images worst first with severity counts, totals, chart, latest events', async () => {
    const rows = page.locator('table.images tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    // the app image (1 HIGH) comes before the clean SBOM image
    assert.equal(await rows.nth(0).getAttribute('data-image-id'), String(appId));
    assert.equal(await rows.nth(1).getAttribute('data-image-id'), String(workerId));
    const cells = await rows.nth(0).locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 6), ['0', '1', '0', '0', '0', '1'], 'critical, high, medium, low, other, total');
    const tile = (label: string) => page.locator('.tiles .tile', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
    assert.equal(await tile('Images').innerText(), '2');
    assert.equal(await tile('Open findings').innerText(), '1');
    assert.equal(await tile('High').innerText(), '1');
    await page.locator('svg.chart').waitFor();
    assert.ok((await page.locator('svg.chart circle.dot').count()) >= 1, 'one point per scan time');
    // from /stats/findings-history: a total line and one per severity present
    assert.ok(await page.locator('svg.chart path.line-high').count(), 'a HIGH line');
    assert.deepEqual(await page.locator('.legend li').allInnerTexts(), ['Total', 'High']);
    const events = await page.locator('table.events').innerText();
    assert.match(events, /image\.registered/);
    await shot('02-overview');
  });

  it('image page: facts, EOL flag, finding with fix advice and osv.dev link, package filter, layers', async () => {
    await page.locator('table.images').getByRole('link', { name: /oci-archive:.*app/ }).click();
    await page.locator('table.findings tbody tr[data-vuln-id]').first().waitFor();
    const text = await mainText();
    assert.match(text, /Debian GNU\/Linux 10 \(buster\)/);
    assert.match(await page.locator('.flag-eol').innerText(), /End of life since 2024-06-30|End of life/);
    const row = page.locator('table.findings tr[data-vuln-id="CVE-2099-0001"]');
    assert.match(await row.innerText(), /HIGH[\s\S]*lodash[\s\S]*4\.17\.20[\s\S]*4\.17\.21[\s\S]*Upgrade lodash to 4\.17\.21 or later/);
    assert.equal(await row.getByRole('link', { name: /CVE-2099-0001/ }).getAttribute('href'), 'https://osv.dev/vulnerability/CVE-2099-0001');
    assert.equal(await row.getByRole('link', { name: /CVE-2099-0001/ }).getAttribute('rel'), 'noopener noreferrer');
    const advice = await page.locator('table.advice-table').innerText();
    assert.match(advice, /lodash[\s\S]*4\.17\.20[\s\S]*4\.17\.21[\s\S]*CVE-2099-0001/);
    assert.match(text, /Upgrading 1 package fixes 1 of 1 finding\./);
    // packages: filter by name, then by type
    const pkgRows = page.locator('table.packages tbody tr');
    const all = await pkgRows.count();
    assert.ok(all >= 4, `packages listed (${all})`);
    await page.getByLabel('Filter').fill('mini');
    assert.equal(await pkgRows.count(), 1);
    assert.match(await pkgRows.first().innerText(), /minimist\s+1\.2\.0\s+npm\s+\/app\/node_modules\/minimist\/package\.json\s+1/);
    await page.getByLabel('Filter').fill('');
    await page.getByLabel('Package type').selectOption('deb');
    assert.equal(await pkgRows.count(), 1);
    await page.getByLabel('Package type').selectOption('');
    // layers from the image configuration, with created_by and packages per layer
    const layerRows = await page.locator('table.layers tbody tr').allInnerTexts();
    assert.equal(layerRows.length, 2);
    assert.match(layerRows[0]!, /^0\s+ADD rootfs\.tar \/\s+sha256:[0-9a-f]{12}\s+[\d.]+ (B|KiB)\s+1$/);
    assert.match(layerRows[1]!, /^1\s+COPY \. \/app && RUN npm ci\s+sha256:[0-9a-f]{12}\s+[\d.]+ (B|KiB)\s+3$/);
    // hardening: the image checks (it runs as root) and the secret, redacted, with its layer
    const hardening = page.locator('section[aria-labelledby="hardening-h"]');
    assert.match(await hardening.locator('table.checks tr[data-check-id="IMG-001"]').innerText(), /HIGH|MEDIUM|LOW|CRITICAL|INFO/);
    const sec = await hardening.locator('table.secrets tr[data-rule-id="github-pat"]').innerText();
    assert.match(sec, /\/app\/\.env:2[\s\S]*ghp_[\s\S]*#1[\s\S]*COPY \. \/app && RUN npm ci/);
    assert.ok(!(await page.content()).includes(secret), 'the secret never reaches the page');
    assert.ok(!(await page.content()).includes(secret.slice(8)), 'no part of it either');
    await shot('03-image');
    // severity filter on findings
    assert.deepEqual(await page.getByLabel('Severity').locator('option').allInnerTexts(), ['All (1)', 'HIGH (1)']);
    await page.getByLabel('Severity').selectOption('HIGH');
    assert.equal(await page.locator('table.findings tbody tr[data-vuln-id]').count(), 1);
    await page.getByLabel('Severity').selectOption('');
  });

  it('search: image names, a vulnerability ID and a package name across images', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await page.getByLabel('Search', { exact: true }).fill('worker');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('table', { name: /Images matching/ }).waitFor();
    assert.match(await page.getByRole('table', { name: /Images matching/ }).innerText(), /registry\.example\/team\/worker/);

    await page.getByLabel('Search', { exact: true }).fill('cve-2099-0001');
    await page.getByLabel('Vulnerability ID').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.result-count').filter({ hasText: 'finding' }).waitFor();
    assert.equal(await page.locator('.result-count').innerText(), '1 finding in 1 image.');

    await page.getByLabel('Search', { exact: true }).fill('minimist');
    await page.getByLabel('Package name').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.result-count').filter({ hasText: 'package' }).waitFor();
    assert.equal(await page.locator('.result-count').innerText(), '2 packages in 2 images.');
    await shot('04-search');
  });

  it('after a newer advisory set and a re-match, a reload shows the new event', async () => {
    const job = await api(w.base, 'POST', '/api/v1/rematch', { token: scanner, json: { update: true, wait: true } });
    assert.equal(job.status, 200, job.text);
    assert.equal(job.body.rematch.added, 2, 'minimist is new in both images');
    await page.goto(w.base + '/#/');
    await page.reload();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const feed = page.locator('table.events');
    await feed.locator('tr[data-event-type="vulnerability.new"]').first().waitFor();
    assert.match(await feed.innerText(), /vulnerability\.new[\s\S]*CVE-2099-0002[\s\S]*CRITICAL[\s\S]*minimist 1\.2\.0 — fixed in 1\.2\.6/);
    // the worker image is now worse than nothing; the app image has CRITICAL + HIGH and stays first
    const first = await page.locator('table.images tbody tr').first().locator('td').allInnerTexts();
    assert.deepEqual(first.slice(0, 6), ['1', '1', '0', '0', '0', '2']);
    await page.locator('svg.chart').waitFor();
    assert.equal(await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth <= d.clientWidth;
    }), true, 'no horizontal scrolling of the page');
    await shot('05-overview-after-rematch');
  });

  it('event feed page filters by type and image', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    const rows = page.locator('table.events tbody tr[data-event-id]');
    const eventTypes = () => rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-event-type')));
    const types = (await eventTypes()).sort();
    assert.deepEqual(types, ['image.registered', 'image.registered', 'os.eol', 'vulnerability.new', 'vulnerability.new']);
    await page.getByLabel('Type').selectOption('vulnerability.new');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/events\?.*type=vulnerability\.new/);
    await page.locator('table.events tbody tr[data-event-type="vulnerability.new"]').first().waitFor();
    await waitFor(async () => (await eventTypes()).every((t) => t === 'vulnerability.new') || undefined, 10_000, 'the filtered feed');
    assert.equal(await rows.count(), 2);
    await page.getByLabel('Image').selectOption(String(workerId));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/events\?.*image=/);
    await waitFor(async () => (await rows.count()) === 1 || undefined, 10_000, 'one event of the worker image');
    assert.match(await rows.first().innerText(), /registry\.example\/team\/worker[\s\S]*CVE-2099-0002/);
    await shot('06-events-filtered');
  });

  it('is keyboard navigable and signs out', async () => {
    await page.goto(w.base + '/#/');
    await page.reload(); // a fresh load: nothing focused yet
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const focused = async () => ((await page.locator(':focus').count()) ? page.locator(':focus').innerText() : null);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Skip to content');
    // Tab through to the Events link and follow it with Enter
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()) === 'Events') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    assert.equal(await page.locator('h1:focus').innerText(), 'Events', 'focus moves to the new page heading');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length), 0, 'the token is gone');
  });

  it('loaded nothing from elsewhere and logged no errors (CSP violations included)', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
  });
});
