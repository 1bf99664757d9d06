/**
 * The dashboard: a static single-page UI (plain HTML, CSS and JS, no build step) served at `/` and
 * `/ui/*` without authentication — the shell holds no data. The page asks for an API token once,
 * keeps it in sessionStorage and calls /api/v1 with it, so every piece of data is behind the same
 * roles as the API (viewer is enough).
 *
 * Safety: the files are read once at registration into a map keyed by file name (only plain
 * files directly in the static folder, with safe names), so a request path is a map key, never a
 * file-system path: `/ui/../x`, encoded dots and slashes all miss. Every answer carries a strict
 * Content-Security-Policy (scripts and styles from this origin only, no inline code, no framing,
 * Trusted Types so the UI cannot assign HTML strings), nosniff and no-referrer.
 *
 * The page reads only /api/v1 (the image summary, layers, hardening, search and findings history
 * are API routes).
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ServerContext } from '../context.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types',
].join('; ');

/** Headers on every dashboard answer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * The static folder: beside this module when run from the sources (tsx), else the sources' copy
 * from a build in dist/server/web/ or the bundle in dist/bundle/ (neither copies non-TS files).
 */
export function defaultStaticDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'static'),
    resolve(here, '..', '..', '..', 'src', 'server', 'web', 'static'),
    resolve(here, '..', '..', 'src', 'server', 'web', 'static'),
  ];
  for (const c of candidates) {
    try {
      if (statSync(join(c, 'index.html')).isFile()) return c;
    } catch {
      // next candidate
    }
  }
  throw new Error(`dashboard: no static files found (looked in ${candidates.join(', ')})`);
}

/** Reads the allowed files of a folder (plain files — no links, no subfolders —, safe names, known types) into memory. */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name).toLowerCase()];
    if (!type || !SAFE_NAME.test(name)) continue;
    const p = join(dir, name);
    // lstat: a symbolic link could point anywhere; only plain files are served
    if (!lstatSync(p).isFile()) continue;
    files.set(name, { body: readFileSync(p), type });
  }
  return files;
}

function secure(reply: FastifyReply): FastifyReply {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  return reply;
}

export interface WebPluginOptions {
  ctx: ServerContext;
  /** folder of the UI files (default: defaultStaticDir()) */
  staticDir?: string;
}

/** The dashboard route plugin: register it with no prefix (it serves `/` and `/ui/*`). */
export const webPlugin: FastifyPluginAsync<WebPluginOptions> = async (app, opts) => {
  const files = loadStaticFiles(opts.staticDir ?? defaultStaticDir());
  const index = files.get('index.html');
  if (!index) throw new Error('dashboard: index.html is missing from the static folder');
  const open = { role: 'public' as const };
  const hide = { hide: true };

  const send = (reply: FastifyReply, f: StaticFile) =>
    secure(reply).header('content-type', f.type).header('cache-control', 'no-cache').send(f.body);
  const notFound = (reply: FastifyReply, url: string) =>
    secure(reply).code(404).header('cache-control', 'no-store').send({ error: 'not_found', message: `no dashboard file ${url.split('?')[0]}` });

  app.get('/', { config: open, schema: hide }, async (_req, reply) => send(reply, index));
  app.get('/ui', { config: open, schema: hide }, async (_req, reply) => secure(reply).redirect('/ui/', 301));
  app.get('/ui/', { config: open, schema: hide }, async (_req, reply) => send(reply, index));
  app.get('/ui/*', { config: open, schema: hide }, async (req, reply) => {
    const name = (req.params as { '*': string })['*'];
    const f = SAFE_NAME.test(name) ? files.get(name) : undefined;
    return f ? send(reply, f) : notFound(reply, req.url);
  });

};
