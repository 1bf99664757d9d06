/**
 * A real registry for tests: Debian's docker-registry (distribution 2.x) on 127.0.0.1:<free port>,
 * storage in a temp dir, optionally behind htpasswd (bcrypt, generated now) and/or TLS with a
 * self-signed certificate generated now. Tests skip with REGISTRY_SKIP when the binary is missing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createSign, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = '/usr/bin/docker-registry';

/** Why registry tests are skipped, or false when they can run. */
export const REGISTRY_SKIP: string | false = existsSync(BINARY)
  ? false
  : `${BINARY} is missing (install Debian's docker-registry, see scripts/setup-system.sh): registry tests skipped`;

export interface RegistryAuth {
  username: string;
  password: string;
}

export interface StartOptions {
  /** htpasswd-protected (Basic auth) */
  auth?: RegistryAuth;
  /** token-protected (Bearer): a token server in this process issues signed JWTs; with creds, only to them */
  bearer?: { creds?: RegistryAuth };
  /** HTTPS with a self-signed certificate for 127.0.0.1 */
  tls?: boolean;
}

export interface TestRegistry {
  /** 127.0.0.1:PORT */
  host: string;
  port: number;
  /** PEM of the self-signed certificate (tls only) */
  certFile?: string;
  /** requests the token server answered (bearer only) */
  tokenRequests?: { scope: string[]; authorized: boolean }[];
  stop(): Promise<void>;
}

/** A fresh random password, so no secret-looking constant lives in the repository. */
export function testCredentials(username = 'tester'): RegistryAuth {
  return { username, password: randomBytes(12).toString('base64url') };
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function probe(port: number, tls: boolean): Promise<boolean> {
  const mod = tls ? https : http;
  return new Promise((resolve) => {
    const req = mod.get({ host: '127.0.0.1', port, path: '/v2/', rejectUnauthorized: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 || res.statusCode === 401);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

function config(dir: string, port: number, opts: StartOptions, realm?: string): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
  ];
  if (opts.tls) lines.push('  tls:', `    certificate: ${join(dir, 'cert.pem')}`, `    key: ${join(dir, 'key.pem')}`);
  if (opts.auth) lines.push('auth:', '  htpasswd:', '    realm: bulwark-test', `    path: ${join(dir, 'htpasswd')}`);
  if (realm) {
    lines.push('auth:', '  token:', `    realm: ${realm}`, '    service: bulwark-test', '    issuer: bulwark-test-issuer', `    rootcertbundle: ${join(dir, 'token-cert.pem')}`);
  }
  return lines.join('\n') + '\n';
}

/** Starts a registry and waits until /v2/ answers. */
export async function startRegistry(opts: StartOptions = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'bulwark-registry-'));
  if (opts.auth) {
    const line = execFileSync('htpasswd', ['-Bbn', opts.auth.username, opts.auth.password], { encoding: 'utf8' });
    await writeFile(join(dir, 'htpasswd'), line.trim() + '\n');
  }
  if (opts.tls) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  }
  const token = opts.bearer ? await startTokenServer(dir, opts.bearer.creds) : undefined;
  let lastErr = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    await writeFile(join(dir, 'config.yml'), config(dir, port, opts, token?.realm));
    const child: ChildProcess = spawn(BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let up = false;
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (await probe(port, Boolean(opts.tls))) {
        up = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (up) {
      return {
        host: `127.0.0.1:${port}`,
        port,
        certFile: opts.tls ? join(dir, 'cert.pem') : undefined,
        tokenRequests: token?.requests,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
          await token?.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    lastErr = stderr;
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  }
  await token?.close();
  await rm(dir, { recursive: true, force: true });
  throw new Error(`docker-registry did not start: ${lastErr.trim().split('\n').slice(-3).join(' | ')}`);
}

function b64url(x: Buffer | string): string {
  return Buffer.from(x).toString('base64url');
}

/**
 * The token side of the distribution token-auth spec: GET /token?service&scope answers
 * {token, expires_in} with an RS256 JWT whose x5c header carries a self-signed certificate the
 * registry trusts (rootcertbundle). Every requested action is granted to whoever may get a token.
 */
async function startTokenServer(dir: string, creds?: RegistryAuth): Promise<{ realm: string; requests: { scope: string[]; authorized: boolean }[]; close(): Promise<void> }> {
  const keyFile = join(dir, 'token-key.pem');
  const certFile = join(dir, 'token-cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=bulwark-test-token'], { stdio: 'ignore' });
  const key = readFileSync(keyFile, 'utf8');
  const x5c = new X509Certificate(readFileSync(certFile)).raw.toString('base64');
  const requests: { scope: string[]; authorized: boolean }[] = [];
  const expected = creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const scope = url.searchParams.getAll('scope');
    const authorized = expected !== undefined && req.headers.authorization === expected;
    requests.push({ scope, authorized });
    if (expected && !authorized) return void res.writeHead(401).end();
    const now = Math.floor(Date.now() / 1000);
    const access = scope.flatMap((s) => {
      const [type, name, actions] = s.split(':');
      return type && name && actions ? [{ type, name, actions: actions.split(',') }] : [];
    });
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [x5c] }));
    const claims = b64url(JSON.stringify({ iss: 'bulwark-test-issuer', sub: creds?.username ?? 'anonymous', aud: url.searchParams.get('service'), exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access }));
    const sig = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ token: `${header}.${claims}.${b64url(sig)}`, expires_in: 300 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { realm: `http://127.0.0.1:${port}/token`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
