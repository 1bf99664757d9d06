/**
 * Registry authentication: parses WWW-Authenticate challenges, runs the Bearer token flow
 * (GET realm?service&scope, with basic credentials when we have them; POST for identity tokens)
 * and answers a Basic challenge with the user's credentials. Tokens are cached per scope.
 */
import { z } from 'zod';
import { BulwarkError } from '../../shared/errors.js';
import { parseJson } from '../schema.js';
import type { Credentials } from './docker-config.js';
import { readBody, discard, type HttpRequest, type HttpResponse } from './transport.js';

export interface Challenge {
  /** lowercased scheme: bearer, basic */
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values may hold commas). */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/gy;
  const rest = m[2]!;
  let p: RegExpExecArray | null;
  while (re.lastIndex < rest.length && (p = re.exec(rest))) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]!;
  }
  return { scheme: m[1]!.toLowerCase(), params };
}

const tokenResponse = z
  .object({ token: z.string().optional(), access_token: z.string().optional(), expires_in: z.number().optional() })
  .passthrough();

const MAX_TOKEN_RESPONSE = 1024 * 1024;
const HEADER_SAFE = /^[\x21-\x7e]+$/;

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Sends one request with the client's retry / redirect / error mapping. */
export type Sender = (req: HttpRequest) => Promise<HttpResponse>;

/** Auth state for one registry session. */
export class Authenticator {
  private scheme: 'none' | 'basic' | 'bearer' = 'none';
  private bearer?: Challenge;
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();
  private creds?: Promise<Credentials | undefined>;

  constructor(
    private readonly registry: string,
    private readonly loadCredentials: () => Promise<Credentials | undefined>,
    private readonly send: Sender,
    private readonly allowPlainHttpRealm: boolean,
  ) {}

  /** Credentials, looked up once and only when a registry asks for them. */
  credentials(): Promise<Credentials | undefined> {
    this.creds ??= this.loadCredentials();
    return this.creds;
  }

  /** The Authorization header for a request in this scope, once the scheme is known. */
  async header(scope: string): Promise<string | undefined> {
    if (this.scheme === 'basic') return basicHeader(await this.credentials());
    if (this.scheme !== 'bearer') return undefined;
    const cached = this.tokens.get(scope);
    if (cached && cached.expiresAt > Date.now()) return `Bearer ${cached.token}`;
    return `Bearer ${await this.token(scope)}`;
  }

  /**
   * Handles a 401: learns the scheme and gets what it needs. Returns false when retrying cannot
   * help (no credentials for Basic, an unknown scheme, or credentials already refused).
   */
  async challenge(res: HttpResponse, scope: string, repo: string): Promise<boolean> {
    const raw = res.headers['www-authenticate'];
    const headers = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const challenges = headers.map(parseChallenge).filter((c): c is Challenge => c !== undefined);
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer?.params.realm) {
      this.scheme = 'bearer';
      this.bearer = bearer;
      // the client retries once per request, so a refused fresh token cannot loop
      this.tokens.delete(scope);
      const extra = bearer.params.scope && bearer.params.scope !== scope ? bearer.params.scope : undefined;
      await this.token(scope, extra);
      return true;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (this.scheme === 'basic') return false;
      const creds = await this.credentials();
      if (!basicHeader(creds)) return false;
      this.scheme = 'basic';
      return true;
    }
    if (challenges.length === 0) return false;
    throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry} asks for unsupported authentication ${JSON.stringify(challenges[0]!.scheme)} for repository ${repo}`);
  }

  private token(scope: string, extraScope?: string): Promise<string> {
    const inflight = this.pending.get(scope);
    if (inflight) return inflight;
    const p = this.fetchToken(scope, extraScope).finally(() => this.pending.delete(scope));
    this.pending.set(scope, p);
    return p;
  }

  private async fetchToken(scope: string, extraScope?: string): Promise<string> {
    const ch = this.bearer!;
    const realm = parseRealm(ch.params.realm!, this.registry);
    const creds = await this.credentials();
    const scopes = [scope, ...(extraScope ? extraScope.split(' ') : [])];
    const what = `token for ${scopes.join(' ')} from ${realm.host}`;
    if (creds?.registryToken) return this.remember(scope, creds.registryToken, undefined);
    const sendsSecret = Boolean(creds && (creds.password || creds.identityToken));
    if (sendsSecret && realm.protocol === 'http:' && !this.allowPlainHttpRealm) {
      throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry} sends credentials to a plain-HTTP token server ${realm.host}; refusing (use --plain-http to allow)`);
    }
    let res: HttpResponse;
    if (creds?.identityToken) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, client_id: 'bulwark', scope: scopes.join(' ') });
      if (ch.params.service) form.set('service', ch.params.service);
      res = await this.send({ method: 'POST', url: realm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()) });
    } else {
      const url = new URL(realm);
      if (ch.params.service) url.searchParams.set('service', ch.params.service);
      for (const s of scopes) url.searchParams.append('scope', s);
      const auth = basicHeader(creds);
      res = await this.send({ method: 'GET', url, headers: auth ? { authorization: auth } : {} });
    }
    if (res.status === 401 || res.status === 403) {
      await discard(res);
      const who = creds ? `credentials from ${creds.source} were refused` : 'anonymous access was refused';
      throw new BulwarkError('REGISTRY_UNAUTHORIZED', `registry ${this.registry}: ${who} by the token server ${realm.host} for ${scopes.join(' ')}`);
    }
    if (res.status !== 200) {
      await discard(res);
      throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry}: token server ${realm.host} answered ${res.status}`);
    }
    const body = parseJson(await readBody(res, MAX_TOKEN_RESPONSE, what), tokenResponse, what, 'REGISTRY_ERROR');
    const token = body.token || body.access_token;
    if (!token || !HEADER_SAFE.test(token)) throw new BulwarkError('REGISTRY_ERROR', `registry ${this.registry}: the ${what} is missing or malformed`);
    return this.remember(scope, token, body.expires_in);
  }

  private remember(scope: string, token: string, expiresIn: number | undefined): string {
    // the spec's default lifetime is 60s; renew 10s early
    const ttl = Math.max(10, expiresIn ?? 60) - 10;
    this.tokens.set(scope, { token, expiresAt: Date.now() + ttl * 1000 });
    return token;
  }
}

function parseRealm(realm: string, registry: string): URL {
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new BulwarkError('REGISTRY_ERROR', `registry ${registry} sent an invalid token realm ${JSON.stringify(realm.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BulwarkError('REGISTRY_ERROR', `registry ${registry} sent a token realm with unsupported scheme ${url.protocol}`);
  }
  return url;
}

/** `Basic base64(user:pass)`, or undefined without a user name and password. */
export function basicHeader(creds: Credentials | undefined): string | undefined {
  if (!creds?.username || creds.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
}
