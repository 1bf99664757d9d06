/**
 * One HTTP exchange with a registry (or its token server, or a blob CDN), over node:http/https.
 *
 * Why not global fetch: TLS options (--insecure, a CA bundle) need a per-client agent, and Node 20
 * does not export undici's Agent without adding the undici package as a dependency. node:https gives
 * per-agent TLS settings, socket error codes (ECONNREFUSED, certificate errors) and a plain
 * Readable body that layers stream from, with no dependency.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { BulwarkError } from '../../shared/errors.js';

export interface TransportOptions {
  /** accept any TLS certificate (--insecure) */
  insecureSkipVerify?: boolean;
  /** extra PEM CA certificates, trusted in addition to Node's roots */
  ca?: string;
  /** socket idle timeout in ms (no byte received for this long aborts the exchange) */
  timeoutMs?: number;
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | Readable;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/** Socket-level failure (before any HTTP status), with the OS / TLS error code. */
export class NetworkError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Reads the extra CA bundle from $BULWARK_REGISTRY_CA or $SSL_CERT_FILE, when set. */
export function caBundleFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.BULWARK_REGISTRY_CA || env.SSL_CERT_FILE;
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new BulwarkError('USAGE', `cannot read CA bundle ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Keep-alive agents for one registry session; close() releases their sockets. */
export class Transport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;

  constructor(opts: TransportOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: 8,
      // only ever off when the user asked for --insecure
      rejectUnauthorized: !opts.insecureSkipVerify,
      ...(opts.ca ? { ca: [...rootCertificates, opts.ca] } : {}),
    });
  }

  /** Sends one request; resolves with the response head as soon as it arrives. */
  send(req: HttpRequest): Promise<HttpResponse> {
    const isHttps = req.url.protocol === 'https:';
    const mod = isHttps ? https : http;
    return new Promise((resolve, reject) => {
      const r = mod.request(req.url, {
        method: req.method,
        headers: req.headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
      });
      r.setTimeout(this.timeoutMs, () => r.destroy(new NetworkError('ETIMEDOUT', `no response within ${Math.round(this.timeoutMs / 1000)}s`)));
      r.on('error', (err: NodeJS.ErrnoException) => reject(err instanceof NetworkError ? err : new NetworkError(err.code ?? 'EUNKNOWN', err.message)));
      r.on('response', (res) => {
        // idle timeout also guards a body that stalls half-way
        res.setTimeout?.(this.timeoutMs, () => res.destroy(new NetworkError('ETIMEDOUT', 'the response stalled')));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
      });
      const body = req.body;
      if (!body) r.end();
      else if (Buffer.isBuffer(body)) r.end(body);
      else {
        body.on('error', (e) => r.destroy(e));
        body.pipe(r);
      }
    });
  }

  /** Releases pooled sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** Reads a whole body, refusing more than `max` bytes (attacker-controlled servers). */
export async function readBody(res: HttpResponse, max: number, what: string): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    res.body.destroy();
    throw new BulwarkError('TOO_LARGE', `${what} is ${declared} bytes (limit ${max})`);
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res.body) {
    n += (c as Buffer).length;
    if (n > max) {
      res.body.destroy();
      throw new BulwarkError('TOO_LARGE', `${what} is larger than ${max} bytes`);
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Drains and discards a body so the socket can be reused. */
export async function discard(res: HttpResponse): Promise<void> {
  try {
    for await (const _ of res.body) {
      // nothing to keep
    }
  } catch {
    // a broken body on an error path does not matter
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO/;

/** One-line reason for a socket failure: "connection refused", "TLS certificate …". */
export function describeNetworkError(err: NetworkError, plainHttp: boolean): { reason: string; tls: boolean } {
  const c = err.code;
  if (c === 'ECONNREFUSED') return { reason: 'connection refused', tls: false };
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME') return { reason: 'host name not found', tls: false };
  if (c === 'ETIMEDOUT') return { reason: `timed out: ${err.message}`, tls: false };
  if (c === 'ECONNRESET' || c === 'EPIPE') return { reason: 'connection reset', tls: false };
  if (c === 'EHOSTUNREACH' || c === 'ENETUNREACH') return { reason: 'network unreachable', tls: false };
  if (TLS_CODES.test(c) || /ssl|tls|certificate/i.test(err.message)) {
    if (/wrong version number|packet length too long|http request/i.test(err.message) && !plainHttp) {
      return { reason: 'TLS handshake failed, the registry may speak plain HTTP (use --plain-http)', tls: true };
    }
    return { reason: `TLS certificate does not verify: ${err.message} (use --insecure to accept it, or trust its CA with BULWARK_REGISTRY_CA)`, tls: true };
  }
  return { reason: `${c}: ${err.message}`, tls: false };
}
