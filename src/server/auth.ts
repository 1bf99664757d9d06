/**
 * API tokens: random 32-byte secrets shown once, stored only as SHA-256 hashes (the secrets carry
 * 256 bits of entropy, so a fast hash is enough; nothing to brute-force). Roles nest:
 * admin ⊃ scanner ⊃ viewer. Every route declares the least role it needs in its config
 * (`config: { role: 'viewer' }`, or 'public'); a route that declares nothing needs admin.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, Store, TokenRow } from './store/types.js';

export type RouteRole = Role | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** least role the route needs (default admin) */
    role?: RouteRole;
  }
  interface FastifyRequest {
    /** the authenticated token, on non-public routes */
    token?: TokenRow;
  }
}

const RANK: Record<Role, number> = { viewer: 1, scanner: 2, admin: 3 };

/** A new token secret: "bwk_" + 43 base64url characters. */
export function newTokenSecret(): string {
  return `bwk_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token secret. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The bearer secret of a request, or undefined. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m?.[1];
}

/**
 * Makes sure an admin can log in: with BULWARK_ADMIN_TOKEN set, that secret is (re)registered as
 * the "bootstrap" admin token; else, when no token exists at all, a new admin token is created and
 * returned so the caller prints it once.
 */
export async function bootstrapAdmin(store: Store, envToken: string | undefined): Promise<string | undefined> {
  if (envToken) {
    if (envToken.length < 16) throw new Error('BULWARK_ADMIN_TOKEN must be at least 16 characters');
    const hash = hashToken(envToken);
    const found = await store.findTokenByHash(hash);
    if (!found) await store.createToken({ name: 'bootstrap', role: 'admin', hash });
    return undefined;
  }
  if ((await store.listTokens()).some((t) => !t.revoked)) return undefined;
  const secret = newTokenSecret();
  await store.createToken({ name: 'bootstrap', role: 'admin', hash: hashToken(secret) });
  return secret;
}

/** The preHandler: 401 without a valid token, 403 when its role is too low. */
export function authHook(store: Store) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const need = req.routeOptions.config?.role ?? 'admin';
    if (need === 'public') return;
    const secret = bearerOf(req);
    const token = secret ? await store.findTokenByHash(hashToken(secret)) : undefined;
    if (!token || token.revoked) {
      reply.header('www-authenticate', 'Bearer realm="bulwark"');
      return void reply.code(401).send({ error: 'unauthorized', message: secret ? 'unknown or revoked token' : 'missing bearer token' });
    }
    if (RANK[token.role] < RANK[need]) return void reply.code(403).send({ error: 'forbidden', message: `this needs the ${need} role; the token has ${token.role}` });
    req.token = token;
    // at most one write per token per minute
    if (!token.lastUsedAt || Date.now() - Date.parse(token.lastUsedAt) > 60_000) void store.touchToken(token.id, new Date().toISOString()).catch(() => {});
  };
}

/** The rate-limit key: the token's hash (per token), else the client address. */
export function rateLimitKey(req: FastifyRequest): string {
  const secret = bearerOf(req);
  return secret ? `t:${hashToken(secret).slice(0, 32)}` : `ip:${req.ip}`;
}
