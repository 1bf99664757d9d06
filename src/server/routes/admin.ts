/** /api/v1/tokens, /webhooks, /watches: token management and webhooks (admin), registry watches. */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { hashToken, newTokenSecret } from '../auth.js';
import type { ServerContext } from '../context.js';
import { tagMatcher } from '../jobs/watch.js';
import type { DeliveryStatus, Role, WebhookFormat, WebhookRow } from '../store/types.js';
import { parseReference } from '../../source/registry/reference.js';
import { authErrors, idParams, ref } from './schemas.js';

const notFound = (what: string) => ({ error: 'not_found', message: `no ${what}` });
const publicWebhook = ({ secret: _secret, ...w }: WebhookRow) => w;

/** Admin routes. */
export const adminRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const tags = ['admin'];
  app.get('/tokens', { config: { role: 'admin' }, schema: { summary: 'List API tokens (never their secrets)', tags, response: { 200: { type: 'array', items: ref('Token') }, ...authErrors } } }, async () => ctx.store.listTokens());

  app.post(
    '/tokens',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Create a token; its secret is in this response only',
        tags,
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: { type: 'string', enum: ['admin', 'scanner', 'viewer'] } }, required: ['name', 'role'], additionalProperties: false },
        response: { 201: { type: 'object', properties: { token: { type: 'string' }, info: ref('Token') }, required: ['token', 'info'] }, ...authErrors },
      },
    },
    async (req, reply) => {
      const b = req.body as { name: string; role: Role };
      const token = newTokenSecret();
      const info = await ctx.store.createToken({ name: b.name, role: b.role, hash: hashToken(token) });
      return reply.code(201).send({ token, info });
    },
  );

  app.delete('/tokens/:id', { config: { role: 'admin' }, schema: { summary: 'Revoke a token', tags, params: idParams, response: { 204: { type: 'null' }, 404: ref('Error'), ...authErrors } } }, async (req, reply) =>
    (await ctx.store.revokeToken((req.params as { id: number }).id)) ? reply.code(204).send() : reply.code(404).send(notFound('token')),
  );

  app.get('/webhooks', { config: { role: 'admin' }, schema: { summary: 'List webhooks', tags, response: { 200: { type: 'array', items: ref('Webhook') }, ...authErrors } } }, async () =>
    (await ctx.store.listWebhooks()).map(publicWebhook),
  );

  app.post(
    '/webhooks',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a webhook; the HMAC secret is generated when not given and returned once',
        tags,
        body: {
          type: 'object',
          properties: {
            url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
            secret: { type: 'string', minLength: 16, maxLength: 256 },
            format: { type: 'string', enum: ['generic', 'slack'], default: 'generic' },
            events: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50, default: [], description: 'event types ("vulnerability.*" allowed); empty: all' },
            enabled: { type: 'boolean', default: true },
          },
          required: ['url'],
          additionalProperties: false,
        },
        response: { 201: { type: 'object', properties: { secret: { type: 'string' }, webhook: ref('Webhook') }, required: ['secret', 'webhook'] }, ...authErrors },
      },
    },
    async (req, reply) => {
      const b = req.body as { url: string; secret?: string; format: WebhookFormat; events: string[]; enabled: boolean };
      const secret = b.secret ?? randomBytes(32).toString('base64url');
      const w = await ctx.store.createWebhook({ url: b.url, secret, format: b.format, events: b.events, enabled: b.enabled });
      return reply.code(201).send({ secret, webhook: publicWebhook(w) });
    },
  );

  app.delete('/webhooks/:id', { config: { role: 'admin' }, schema: { summary: 'Delete a webhook and its deliveries', tags, params: idParams, response: { 204: { type: 'null' }, 404: ref('Error'), ...authErrors } } }, async (req, reply) =>
    (await ctx.store.deleteWebhook((req.params as { id: number }).id)) ? reply.code(204).send() : reply.code(404).send(notFound('webhook')),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { role: 'admin' },
      schema: {
        summary: "A webhook's deliveries, newest first; status=dead lists the dead letters",
        tags,
        params: idParams,
        querystring: { type: 'object', properties: { status: { type: 'string', enum: ['pending', 'delivered', 'dead'] }, limit: { type: 'integer', minimum: 1, maximum: 1000 } } },
        response: { 200: { type: 'array', items: ref('Delivery') }, ...authErrors },
      },
    },
    async (req) => {
      const q = req.query as { status?: DeliveryStatus; limit?: number };
      return ctx.store.listDeliveries({ webhookId: (req.params as { id: number }).id, status: q.status, limit: q.limit });
    },
  );

  app.get('/watches', { config: { role: 'viewer' }, schema: { summary: 'Watched registry repositories', tags: ['watches'], response: { 200: { type: 'array', items: ref('Watch') }, ...authErrors } } }, async () =>
    ctx.store.listWatches(),
  );

  app.post(
    '/watches',
    {
      config: { role: 'scanner' },
      schema: {
        summary: 'Watch a repository: its tags matching tagPattern are scanned, and re-scanned when they move',
        tags: ['watches'],
        body: {
          type: 'object',
          properties: {
            repository: { type: 'string', minLength: 1, maxLength: 512, description: 'registry/repository, without tag' },
            tagPattern: { type: 'string', minLength: 1, maxLength: 200, default: '.*', description: 'regular expression over the whole tag' },
            osManagedUpstream: { type: 'boolean', default: false },
          },
          required: ['repository'],
          additionalProperties: false,
        },
        response: { 201: ref('Watch'), 400: ref('Error'), ...authErrors },
      },
    },
    async (req, reply) => {
      const b = req.body as { repository: string; tagPattern: string; osManagedUpstream: boolean };
      parseReference(b.repository);
      if (b.repository.includes('@') || b.repository.split('/').pop()!.includes(':')) return reply.code(400).send({ error: 'bad_request', message: 'repository must not carry a tag or digest (use tagPattern)' });
      try {
        tagMatcher(b.tagPattern);
      } catch (err) {
        return reply.code(400).send({ error: 'bad_request', message: `tagPattern: ${(err as Error).message}` });
      }
      return reply.code(201).send(await ctx.store.createWatch({ repository: b.repository, tagPattern: b.tagPattern, osManagedUpstream: b.osManagedUpstream }));
    },
  );

  app.delete('/watches/:id', { config: { role: 'admin' }, schema: { summary: 'Stop watching (images stay)', tags: ['watches'], params: idParams, response: { 204: { type: 'null' }, 404: ref('Error'), ...authErrors } } }, async (req, reply) =>
    (await ctx.store.deleteWatch((req.params as { id: number }).id)) ? reply.code(204).send() : reply.code(404).send(notFound('watch')),
  );

  app.post(
    '/watches/poll',
    {
      config: { role: 'scanner' },
      schema: {
        summary: 'Poll every watch now',
        tags: ['watches'],
        response: {
          200: { type: 'array', items: { type: 'object', properties: { watch: { type: 'integer' }, tags: { type: 'integer' }, scanned: { type: 'array', items: { type: 'string' } }, error: { type: 'string' } } } },
          ...authErrors,
        },
      },
    },
    async () => ctx.jobs.watch(),
  );
};
