#!/usr/bin/env node
// The acceptance demo of the monitoring server (scripts/server-demo.mjs) with the dashboard: the same
// steps, then Debian's chromium (playwright-core) opens the dashboard, signs in with a viewer token and
// saves screenshots showing the new events to test-artifacts/server-demo-ui/. Run after `npm run build`.
// No network, no Docker. Without /usr/bin/chromium the browser step is skipped with a message.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webPlugin } from '../dist/server/web/plugin.js';
import { call, runServerDemo, say } from './server-demo.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

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

const ok = await runServerDemo({
  plugins: [{ name: 'web', plugin: webPlugin }],
  after: async ({ base, admin, id, events }) => {
    say('dashboard: Debian chromium signs in with a viewer token and shows the new events');
    const viewer = (await call(base, admin, 'POST', '/api/v1/tokens', { name: 'demo-dashboard', role: 'viewer' })).token;
    const newIds = events.filter((e) => e.type === 'vulnerability.new').map((e) => e.payload.vulnId);
    return (await dashboardScreenshots(base, viewer, id, newIds)) !== false;
  },
});
process.exitCode = ok ? 0 : 1;
