/**
 * A distribution-API client for one registry: authentication, bounded retries with backoff on
 * 429 / 5xx / dropped connections, redirects (Authorization is never forwarded to another host),
 * and HTTPS unless plain HTTP was asked for. Manifest and blob helpers live in manifests.ts / push.ts.
 */
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { BulwarkError } from '../../shared/errors.js';
import { Authenticator } from './auth.js';
import { credentialsFromDockerConfig, type Credentials } from './docker-config.js';
import { networkError, statusError, type Subject } from './errors.js';
import { apiHost } from './reference.js';
import { caBundleFromEnv, discard, NetworkError, Transport, type HttpRequest, type HttpResponse } from './transport.js';

export interface ClientOptions {
  /** talk plain HTTP (never chosen silently, not even for localhost) */
  plainHttp?: boolean;
  /** accept TLS certificates that do not verify */
  insecureSkipVerify?: boolean;
  username?: string;
  password?: string;
  /** docker config.json path (default $DOCKER_CONFIG/config.json or ~/.docker/config.json) */
  dockerConfig?: string;
  /** socket idle timeout, ms (default 60s) */
  timeoutMs?: number;
  /** retries after the first attempt for 429 / 5xx / network errors (default 3) */
  retries?: number;
  /** first backoff delay, doubled on each retry (default 500ms) */
  retryBaseMs?: number;
}

export interface ClientRequest {
  method: string;
  /** path under the registry (/v2/…), or an absolute URL (upload locations) */
  path: string | URL;
  repository: string;
  /** needs push access (token scope pull,push) */
  push?: boolean;
  headers?: Record<string, string>;
  /** body factory, called again for each retry */
  body?: () => Buffer | Readable;
  /** what the request is about, for error messages */
  kind: string;
  ref?: string;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRY_NET = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
const MAX_REDIRECTS = 5;
const MAX_RETRY_AFTER_MS = 30_000;

/** Session with one registry host; close() when done. */
export class RegistryClient {
  readonly base: URL;
  private readonly transport: Transport;
  private readonly auth: Authenticator;
  private readonly retries: number;
  private readonly retryBaseMs: number;

  constructor(
    readonly registry: string,
    private readonly opts: ClientOptions = {},
  ) {
    this.base = new URL(`${opts.plainHttp ? 'http' : 'https'}://${apiHost(registry)}/`);
    this.transport = new Transport({ insecureSkipVerify: opts.insecureSkipVerify, ca: caBundleFromEnv(), timeoutMs: opts.timeoutMs });
    this.retries = opts.retries ?? 3;
    this.retryBaseMs = opts.retryBaseMs ?? 500;
    this.auth = new Authenticator(registry, () => this.lookupCredentials(), (r) => this.sendRetrying(r), Boolean(opts.plainHttp));
  }

  private async lookupCredentials(): Promise<Credentials | undefined> {
    if (this.opts.username !== undefined || this.opts.password !== undefined) {
      return { username: this.opts.username, password: this.opts.password ?? '', source: 'the --username/--password flags' };
    }
    return credentialsFromDockerConfig(this.registry, this.opts.dockerConfig);
  }

  /** Sends an authenticated request and returns the final response (any status; callers check). */
  async request(req: ClientRequest): Promise<HttpResponse> {
    const scope = `repository:${req.repository}:${req.push ? 'pull,push' : 'pull'}`;
    const url = typeof req.path === 'string' ? new URL(req.path, this.base) : req.path;
    for (let attempt = 0; ; attempt++) {
      // upload locations may point elsewhere: credentials only go to the registry itself
      const authorization = url.origin === this.base.origin ? await this.auth.header(scope) : undefined;
      const headers: Record<string, string> = { 'user-agent': 'bulwark', ...req.headers, ...(authorization ? { authorization } : {}) };
      const res = await this.sendRetrying({ method: req.method, url, headers }, req.body);
      if (res.status !== 401 || attempt > 0) return res;
      await discard(res);
      if (!(await this.auth.challenge(res, scope, req.repository))) return this.unauthorized(res, req);
    }
  }

  private async unauthorized(res: HttpResponse, req: ClientRequest): Promise<never> {
    throw await statusError(res, await this.subject(req));
  }

  /** Error-message subject for a request, including where credentials came from. */
  async subject(req: Pick<ClientRequest, 'repository' | 'kind' | 'ref'>): Promise<Subject> {
    const creds = await this.auth.credentials().catch(() => undefined);
    return { registry: this.registry, repository: req.repository, kind: req.kind, ref: req.ref, creds };
  }

  /** Throws the BulwarkError for a response that is not one of `ok`. */
  async expect(res: HttpResponse, ok: number[], req: Pick<ClientRequest, 'repository' | 'kind' | 'ref'>): Promise<void> {
    if (ok.includes(res.status)) return;
    throw await statusError(res, await this.subject(req));
  }

  /** One logical exchange: redirects followed, retried with backoff on transient failures. */
  private async sendRetrying(req: HttpRequest, body?: () => Buffer | Readable): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.retries;
      let res: HttpResponse;
      try {
        res = await this.sendFollowing({ ...req, body: body ? body() : req.body });
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        if (last || !RETRY_NET.has(err.code)) throw networkError(err, this.registry, hostOf(req.url, this.registry), Boolean(this.opts.plainHttp));
        await sleep(this.backoff(attempt));
        continue;
      }
      if (last || !RETRY_STATUS.has(res.status)) return res;
      const wait = retryAfterMs(res.headers['retry-after']) ?? this.backoff(attempt);
      await discard(res);
      await sleep(Math.min(wait, MAX_RETRY_AFTER_MS));
    }
  }

  private backoff(attempt: number): number {
    const base = this.retryBaseMs * 2 ** attempt;
    return base + Math.floor(Math.random() * (base / 2));
  }

  /** Follows redirects; Authorization goes only to the origin it was meant for. */
  private async sendFollowing(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    const headers = { ...req.headers };
    const origin = req.url.origin;
    for (let hop = 0; ; hop++) {
      const res = await this.transport.send({ ...req, url, headers });
      const loc = res.headers.location;
      const isRedirect = [301, 302, 303, 307, 308].includes(res.status) && loc !== undefined;
      // upload endpoints answer 202/201 with a Location that is not a redirect
      if (!isRedirect || (req.method !== 'GET' && req.method !== 'HEAD')) return res;
      await discard(res);
      if (hop >= MAX_REDIRECTS) throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry}: too many redirects for ${req.url.pathname}`);
      const next = new URL(loc, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry} redirected to unsupported scheme ${next.protocol}`);
      if (url.protocol === 'https:' && next.protocol === 'http:' && !this.opts.plainHttp) {
        throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry} redirected ${req.url.pathname} to plain HTTP (${next.host}); refusing (use --plain-http to allow)`);
      }
      if (next.origin !== origin) delete headers.authorization;
      url = next;
    }
  }

  /** Releases sockets. */
  close(): void {
    this.transport.close();
  }
}

function hostOf(url: URL, registry: string): string {
  return url.host === apiHost(registry) ? registry : url.host;
}

function retryAfterMs(h: string | undefined): number | undefined {
  if (!h) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(h);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
