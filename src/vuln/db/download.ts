/**
 * HTTP for `bulwark db update`: bounded retries with exponential backoff on network errors,
 * 5xx and 429; conditional GET (If-None-Match / If-Modified-Since); bodies streamed to disk
 * under a byte cap with an idle timeout. Every failure is a one-line DB_ERROR.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BulwarkError, errorMessage } from '../../shared/errors.js';

/** Retry and timeout policy. */
export interface RetryPolicy {
  /** retries after the first attempt */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** abort when no byte arrives for this long */
  idleTimeoutMs: number;
}

/** 1 + 4 attempts over about 7 s of waiting, then give up. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 8000, idleTimeoutMs: 60_000 };

/** Outcome of a conditional download. */
export type DownloadResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: number; etag?: string; lastModified?: string };

/** Validators from the previous download of the same URL. */
export interface Conditional {
  etag?: string;
  lastModified?: string;
}

class Retryable extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function backoff(policy: RetryPolicy, attempt: number, retryAfter: string | null): number {
  const secs = retryAfter !== null && /^\d{1,4}$/.test(retryAfter) ? Number(retryAfter) : undefined;
  if (secs !== undefined) return Math.min(secs * 1000, policy.maxDelayMs * 4);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return exp / 2 + Math.random() * (exp / 2);
}

/** Runs one attempt with a fresh idle-timeout controller; retries Retryable and network errors. */
async function withRetries<T>(url: string, policy: RetryPolicy, attempt: (signal: AbortSignal, idle: () => void) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const ctl = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const idle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(new Error(`no data for ${policy.idleTimeoutMs / 1000} s`)), policy.idleTimeoutMs);
    };
    idle();
    try {
      return await attempt(ctl.signal, idle);
    } catch (err) {
      const retryable = err instanceof Retryable || !(err instanceof BulwarkError);
      if (!retryable || i >= policy.retries) {
        if (err instanceof BulwarkError) throw err;
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        throw new BulwarkError('DB_ERROR', `${url}: ${errorMessage(err)}${cause} (after ${i + 1} attempts)`, err);
      }
      await sleep(backoff(policy, i, err instanceof RetryAfter ? err.retryAfter : null));
    } finally {
      clearTimeout(timer);
    }
  }
}

class RetryAfter extends Retryable {
  constructor(message: string, readonly retryAfter: string | null) {
    super(message);
  }
}

function checkStatus(url: string, res: Response): void {
  if (res.status >= 500 || res.status === 429) throw new RetryAfter(`HTTP ${res.status}`, res.headers.get('retry-after'));
  if (res.status === 404) throw new BulwarkError('DB_ERROR', `${url}: not found (HTTP 404)`);
  if (res.status !== 200 && res.status !== 304) throw new BulwarkError('DB_ERROR', `${url}: HTTP ${res.status}`);
}

/** GETs a small text file (ecosystems.txt), at most maxBytes. */
export async function fetchText(url: string, maxBytes: number, policy: RetryPolicy = DEFAULT_RETRY): Promise<string> {
  return withRetries(url, policy, async (signal, idle) => {
    const res = await fetch(url, { signal, redirect: 'follow' });
    checkStatus(url, res);
    if (!res.body) return '';
    const parts: Buffer[] = [];
    let len = 0;
    for await (const chunk of Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)) {
      idle();
      len += (chunk as Buffer).length;
      if (len > maxBytes) throw new BulwarkError('DB_ERROR', `${url}: larger than ${maxBytes} bytes`);
      parts.push(chunk as Buffer);
    }
    return Buffer.concat(parts).toString('utf8');
  });
}

/** Downloads url to dest unless the server says it has not changed since `cond`. */
export async function downloadFile(
  url: string,
  dest: string,
  opts: { cond?: Conditional; maxBytes: number; policy?: RetryPolicy; onBytes?: (n: number) => void },
): Promise<DownloadResult> {
  return withRetries(url, opts.policy ?? DEFAULT_RETRY, async (signal, idle) => {
    const headers: Record<string, string> = {};
    if (opts.cond?.etag) headers['if-none-match'] = opts.cond.etag;
    if (opts.cond?.lastModified) headers['if-modified-since'] = opts.cond.lastModified;
    const res = await fetch(url, { signal, headers, redirect: 'follow' });
    checkStatus(url, res);
    if (res.status === 304) return { status: 'not-modified' };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) throw new BulwarkError('DB_ERROR', `${url}: ${declared} bytes is over the download limit (${opts.maxBytes})`);
    let bytes = 0;
    const counter = async function* (src: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of src) {
        idle();
        bytes += chunk.length;
        if (bytes > opts.maxBytes) throw new BulwarkError('DB_ERROR', `${url}: over the download limit (${opts.maxBytes} bytes)`);
        opts.onBytes?.(bytes);
        yield chunk;
      }
    };
    if (!res.body) throw new Retryable('empty body');
    try {
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), counter, createWriteStream(dest));
    } catch (err) {
      await rm(dest, { force: true });
      if (err instanceof BulwarkError) throw err;
      throw new Retryable(`download interrupted: ${errorMessage(err)}`);
    }
    if (!Number.isNaN(declared) && bytes !== declared) throw new Retryable(`truncated: ${bytes} of ${declared} bytes`);
    return { status: 'ok', bytes, etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined };
  });
}
