/** /healthz (the process answers), /readyz (database reachable, advisory database present), /metrics. */
import type { FastifyPluginAsync } from 'fastify';
import { dbFreshness } from '../../vuln/db/index.js';
import type { ServerContext } from '../context.js';
import { errorMessage } from '../../shared/errors.js';

const status = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: true } }, required: ['status'] } as const;

/** Health and metrics routes (public, not rate limited). */
export const healthRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const open = { role: 'public' as const, rateLimit: false as const };
  app.get('/healthz', { config: open, schema: { summary: 'Liveness', tags: ['health'], security: [], response: { 200: status } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: open, schema: { summary: 'Readiness: database reachable and advisory database present', tags: ['health'], security: [], response: { 200: status, 503: status } } }, async (_req, reply) => {
    const checks: Record<string, unknown> = {};
    let ok = true;
    try {
      await ctx.store.ping();
      checks.database = { ok: true, kind: ctx.store.kind };
    } catch (err) {
      ok = false;
      checks.database = { ok: false, error: errorMessage(err) };
    }
    const fresh = dbFreshness(ctx.config.cacheDir);
    checks.advisories = { ok: fresh.exists, updatedAt: fresh.updatedAt, stale: fresh.stale };
    if (!fresh.exists) ok = false;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', checks });
  });

  app.get('/metrics', { config: open, schema: { summary: 'Prometheus metrics (text exposition format)', tags: ['health'], security: [], produces: ['text/plain'], response: { 200: { type: 'string' } } } }, async (_req, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
};
