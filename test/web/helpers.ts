/**
 * Dashboard test vocabulary: a server with the web plugin on a temp SQLite store and a small
 * advisory set (test/server/fixtures.ts: an old set, a newer one adding a CRITICAL minimist
 * advisory), an image written by the project's image writer with npm packages those advisories
 * hit, and Debian's chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { buildServer, type BulwarkServer } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { openStore } from '../../src/server/store/index.js';
import type { Store } from '../../src/server/store/types.js';
import type { ImageSpec } from '../../src/image/writer.js';
import { importAdvisories } from '../../src/vuln/db/index.js';
import { webPlugin } from '../../src/server/web/plugin.js';
import { makeImage, repoRoot } from '../helpers/fixtures.js';
import { api, NEW_ADVISORIES, OLD_ADVISORIES, testSecret, writeAdvisories } from '../server/fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
export const NO_CHROMIUM = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium, or scripts/setup-system.sh): dashboard browser tests skipped`;
export const ARTIFACTS = join(repoRoot, 'test-artifacts', 'web');

export interface WebServer {
  dir: string;
  server: BulwarkServer;
  store: Store;
  base: string;
  admin: string;
  close(): Promise<void>;
}

/** A server with the dashboard on a temp SQLite store; the OLD advisory set imported, the NEW one as the refresh source. */
export async function startWebServer(): Promise<WebServer> {
  const dir = await mkdtemp(join(tmpdir(), 'bulwark-web-'));
  await importAdvisories(dir, await writeAdvisories(dir, 'old', OLD_ADVISORIES));
  const newer = await writeAdvisories(dir, 'new', NEW_ADVISORIES);
  const store = await openStore(join(dir, 'server.db'));
  const admin = testSecret();
  const server = await buildServer(
    serverConfig({
      cacheDir: dir,
      port: 0,
      logLevel: false,
      adminToken: admin,
      advisoriesUrl: newer,
      allowLocalImages: true,
      updateIntervalMs: 0,
      watchIntervalMs: 0,
      plugins: [{ name: 'web', plugin: webPlugin }],
    }),
    store,
  );
  const base = await server.listen();
  return {
    dir,
    server,
    store,
    base,
    admin,
    async close() {
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A token of `role`, created through the API. */
export async function createToken(base: string, admin: string, role: 'viewer' | 'scanner', name = `web-${role}`): Promise<string> {
  const r = await api(base, 'POST', '/api/v1/tokens', { token: admin, json: { name, role } });
  if (r.status !== 201) throw new Error(`token: ${r.status} ${r.text}`);
  return r.body.token as string;
}

/**
 * An image on Debian 10 (past end of life) with an app layer holding lodash 4.17.20 and minimist 1.2.0;
 * it runs as root (no USER), and with `secret` (a fake token made at test time) the app layer also
 * holds an .env file with it.
 */
export function appImageSpec(secret?: string): ImageSpec {
  const pkg = (name: string, version: string) => ({ path: `app/node_modules/${name}/package.json`, content: JSON.stringify({ name, version, license: 'MIT' }) });
  return {
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [
          { path: 'etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nNAME="Debian GNU/Linux"\nVERSION_ID="10"\nVERSION_CODENAME=buster\nID=debian\n' },
          { path: 'etc/debian_version', content: '10.13\n' },
          { path: 'var/lib/dpkg/status', content: 'Package: base-files\nStatus: install ok installed\nVersion: 10.3+deb10u13\nArchitecture: amd64\n' },
        ],
      },
      {
        createdBy: 'COPY . /app && RUN npm ci',
        files: [
          { path: 'app/package.json', content: JSON.stringify({ name: 'app', version: '1.0.0' }) },
          pkg('lodash', '4.17.20'),
          pkg('minimist', '1.2.0'),
          pkg('left-pad', '1.3.0'),
          ...(secret ? [{ path: 'app/.env', content: `NODE_ENV=production\nGITHUB_TOKEN=${secret}\n` }] : []),
        ],
      },
    ],
    config: { Cmd: ['node', '/app/index.js'] },
  };
}

/** Writes the app image as an OCI archive; returns its path. */
export async function writeAppImage(dir: string, secret?: string): Promise<string> {
  return (await makeImage(dir, appImageSpec(secret), { format: 'oci-archive', refName: 'app' }, 'app')).path;
}

/** A CycloneDX SBOM with only minimist 1.2.0 (clean under the old set, CRITICAL under the new). */
export function workerSbom(): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'container', name: 'registry.example/team/worker', version: `sha256:${'b'.repeat(64)}` } },
    components: [{ type: 'library', name: 'minimist', version: '1.2.0', purl: 'pkg:npm/minimist@1.2.0' }],
  });
}

/** Debian's chromium through playwright-core, in a fresh profile, with no background traffic. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'bulwark-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function artifactsDir(): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
