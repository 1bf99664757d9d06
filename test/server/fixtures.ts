/**
 * Server test vocabulary: small advisory sets written at test time (an "old" one and a "new" one
 * adding a vulnerability), a CycloneDX SBOM that matches them, a loopback webhook receiver, and a
 * JSON request helper with a time limit.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import type { ImageSpec } from '../../src/image/writer.js';

const advisory = (id: string, cve: string, name: string, fixed: string, severity: string) => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  published: '2024-01-01T00:00:00Z',
  summary: `Test vulnerability in ${name}`,
  aliases: [cve],
  affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }] }],
  database_specific: { severity },
});

export const OLD_ADVISORIES = [advisory('GHSA-test-lodash', 'CVE-2099-0001', 'lodash', '4.17.21', 'HIGH')];
/** The newer set: the old one plus a CRITICAL minimist advisory. */
export const NEW_ADVISORIES = [...OLD_ADVISORIES, advisory('GHSA-test-minimist', 'CVE-2099-0002', 'minimist', '1.2.6', 'CRITICAL')];

/** Writes advisories as JSONL; returns the path. */
export async function writeAdvisories(dir: string, name: string, records: unknown[]): Promise<string> {
  const p = join(dir, `${name}.jsonl`);
  await writeFile(p, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return p;
}

/** A CycloneDX SBOM of an "image" with lodash 4.17.20 and minimist 1.2.0. */
export function testSbom(name = 'example.test/app'): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'container', name, version: `sha256:${'a'.repeat(64)}` } },
    components: [
      { type: 'library', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
      { type: 'library', name: 'minimist', version: '1.2.0', purl: 'pkg:npm/minimist@1.2.0' },
      { type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' },
    ],
  });
}

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 answering `status` (200 unless told). */
export async function startReceiver(status = 200): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** Polls `check` every 25 ms until it returns a value, at most `ms`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (let i = 0; i < 10_000 && Date.now() < deadline; i++) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** A random secret for tests (never a constant in the repository). */
export function testSecret(): string {
  return randomBytes(24).toString('base64url');
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A request with a 30 s limit; JSON in and (when it parses) out. */
export async function api<T = any>(base: string, method: string, path: string, opts: { token?: string; json?: unknown; body?: string | Buffer; type?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Buffer | undefined = opts.body;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] = opts.type ?? 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // text bodies (/metrics) stay text
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/**
 * An image the hardening checks object to: no USER (runs as root), openssh-server installed, and a
 * config file holding `secret` (a fake token made at test time, never a literal in the repository)
 * in a layer of its own. It carries lodash 4.17.20 so it also has a vulnerability.
 */
export function hardeningImageSpec(secret: string): ImageSpec {
  return {
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [
          { path: 'etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n' },
          { path: 'etc/debian_version', content: '12.5\n' },
          { path: 'var/lib/dpkg/status', content: 'Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2+deb12u2\nArchitecture: amd64\n' },
          { path: 'usr/sbin/sshd', content: 'sshd binary', mode: 0o755 },
        ],
      },
      {
        createdBy: 'COPY config.env /srv/app/config.env',
        files: [{ path: 'srv/app/config.env', content: `GITHUB_TOKEN=${secret}\n` }],
      },
      {
        createdBy: 'COPY node_modules /srv/app/node_modules',
        files: [{ path: 'srv/app/node_modules/lodash/package.json', content: JSON.stringify({ name: 'lodash', version: '4.17.20', license: 'MIT' }) }],
      },
    ],
    config: { Cmd: ['/usr/sbin/sshd', '-D'], ExposedPorts: { '22/tcp': {} } },
  };
}
