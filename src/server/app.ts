/**
 * Builds the server: fastify with pino JSON logs, optional TLS, a body limit, per-token rate
 * limits, OpenAPI (served at /openapi.json), token auth, metrics, the core routes under /api/v1
 * plus any extra plugins, and the jobs (re-match, registry watch, webhook delivery).
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { BulwarkError, EXIT } from '../shared/errors.js';
import { VERSION } from '../shared/version.js';
import { authHook, bootstrapAdmin, rateLimitKey } from './auth.js';
import type { ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import { createJobs } from './jobs/scheduler.js';
import { createMetrics } from './metrics.js';
import { createMonitor } from './monitor.js';
import { createDispatcher } from './notify/dispatcher.js';
import { openServerQueue, type ServerQueueOptions } from './queue/server.js';
import { adminRoutes } from './routes/admin.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { imageRoutes } from './routes/images.js';
import { searchRoutes } from './routes/search.js';
import { SHARED_SCHEMAS } from './routes/schemas.js';
import { defaultDbPath, openStore } from './store/index.js';
import type { Store } from './store/types.js';

export interface BulwarkServer {
  app: FastifyInstance;
  ctx: ServerContext;
  /** the admin token created on first start (to print once), when one was */
  bootstrapToken?: string;
  /** Listens and starts the schedules; resolves to the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** HTTP status for a BulwarkError. */
function statusFor(err: BulwarkError): number {
  if (err.code === 'NOT_FOUND' || err.code === 'REGISTRY_NOT_FOUND') return err.code === 'NOT_FOUND' ? 404 : 422;
  if (err.code === 'TOO_LARGE') return 413;
  if (err.code === 'DB_ERROR') return 503;
  if (err.exitCode === EXIT.registry) return 502;
  if (err.exitCode === EXIT.badInput || err.exitCode === EXIT.usage) return 400;
  return 500;
}

const OPENAPI_INFO = {
  title: 'Bulwark server API',
  version: VERSION,
  description: 'Continuous monitoring: stored SBOMs of deployed images re-matched when advisories change. Authenticate with `Authorization: Bearer <token>`.',
};

/** The OpenAPI document of a built (ready) app. */
export function openApiDocument(app: FastifyInstance): unknown {
  return (app as unknown as { swagger(): unknown }).swagger();
}

/**
 * Builds the server over an open store (tests pass their own) or the configured one. With
 * `scale.queue` (PostgreSQL only, docs/scale-out.md) scans, matches and scheduled fan-outs go to
 * the job queue for `bulwark worker` processes; without it everything runs in-process as before.
 */
export async function buildServer(config: ServerConfig, storeIn?: Store, scale: { queue?: ServerQueueOptions } = {}): Promise<BulwarkServer> {
  const store = storeIn ?? (await openStore(config.db ?? defaultDbPath(config.cacheDir)));
  const app = Fastify({
    logger: config.logLevel === false ? false : { level: config.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: config.bodyLimit,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }) as unknown as FastifyInstance;
  const metrics = createMetrics(store, config.cacheDir);
  // scale-out: the queue's defer/jobs/claimed deliveries replace the in-process ones (src/server/queue)
  const queue = scale.queue ? await openServerQueue(store, config, scale.queue, app.log) : undefined;
  const dispatcher = createDispatcher(queue?.deliveryStore ?? store, config.delivery, app.log, (r) => metrics.delivery(r));
  const monitor = createMonitor(store, { ...config, log: app.log, dispatcher, onMatched: (t) => metrics.matched(t), defer: queue?.defer });
  const jobs = queue?.jobs ?? createJobs(store, monitor, { ...config, log: app.log, onJob: (j, r) => metrics.job(j, r) });
  const ctx: ServerContext = { config, store, monitor, jobs, dispatcher, metrics };
  const bootstrapToken = await bootstrapAdmin(store, config.adminToken);

  for (const s of SHARED_SCHEMAS) app.addSchema(s);
  await app.register(swagger, {
    openapi: {
      info: OPENAPI_INFO,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(rateLimit, { global: true, max: config.rateLimit.max, timeWindow: config.rateLimit.timeWindowMs, keyGenerator: rateLimitKey });

  app.addHook('onResponse', async (req, reply) => {
    metrics.observeRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('preHandler', authHook(store));
  app.setErrorHandler((err: FastifyError | BulwarkError, req, reply) => {
    if (err instanceof BulwarkError) return reply.code(statusFor(err)).send({ error: err.code.toLowerCase(), message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : (err.code ?? 'error').toLowerCase(), message: status >= 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  await app.register(healthRoutes, { ctx });
  app.get('/openapi.json', { config: { role: 'public' }, schema: { hide: true } }, async () => openApiDocument(app));
  for (const routes of [imageRoutes, searchRoutes, eventRoutes, adminRoutes]) await app.register(routes, { ctx, prefix: '/api/v1' });
  for (const p of config.plugins) await app.register(p.plugin, { ctx, prefix: p.prefix });
  await app.ready();

  return {
    app,
    ctx,
    bootstrapToken,
    async listen() {
      const url = await app.listen({ host: config.host, port: config.port });
      dispatcher.start();
      jobs.start();
      void dispatcher.runDue();
      return url;
    },
    async close() {
      await jobs.stop();
      await dispatcher.stop();
      await app.close();
      await queue?.close();
      if (!storeIn) await store.close();
    },
  };
}
