/** Test vocabulary for the advisory DB: OSV records, zips built with yazl, a scripted OSV mirror, the CLI. */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import type { OsvRecord } from '../osv-types.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A small valid OSV record for package `name` in `ecosystem`. */
export function osv(id: string, ecosystem: string, name: string, extra: Partial<OsvRecord> = {}): OsvRecord {
  return {
    schema_version: '1.7.3',
    id,
    modified: '2024-01-01T00:00:00Z',
    published: '2023-12-01T00:00:00Z',
    summary: `${name} issue`,
    affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }] }],
    ...extra,
  };
}

/** A zip (as bytes) holding one <id>.json per record, plus any raw entries. */
export function makeZip(records: OsvRecord[], raw: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const r of records) zip.addBuffer(Buffer.from(JSON.stringify(r)), `${r.id}.json`);
  for (const [name, body] of Object.entries(raw)) zip.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** One scripted answer: a status to send before the real content, or the content with an ETag. */
export type Script = { status: number } | { body: Buffer | string; etag?: string };

/** A fake OSV export on 127.0.0.1: each path answers from its script queue, the last entry repeating. */
export interface FakeMirror {
  url: string;
  /** requests seen, with their conditional headers */
  log: { path: string; ifNoneMatch?: string }[];
  set(path: string, script: Script[]): void;
  close(): Promise<void>;
}

/** Starts the fake mirror. A body answer honours If-None-Match with 304. */
export async function startMirror(): Promise<FakeMirror> {
  const scripts = new Map<string, Script[]>();
  const log: FakeMirror['log'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inm = req.headers['if-none-match'];
    log.push({ path, ifNoneMatch: typeof inm === 'string' ? inm : undefined });
    const queue = scripts.get(path);
    const step = queue ? (queue.length > 1 ? queue.shift()! : queue[0]!) : { status: 404 };
    if ('status' in step) return void res.writeHead(step.status).end();
    if (step.etag && inm === step.etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-length': Buffer.byteLength(step.body), ...(step.etag ? { etag: step.etag } : {}) }).end(step.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    set: (path, script) => void scripts.set(path, [...script]),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Runs `bulwark db …` from source through the same error reporting as the CLI's main(). */
export function runDbCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'db-cli.ts'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
