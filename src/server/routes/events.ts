/** /api/v1/events and /api/v1/rematch, /api/v1/jobs: the event feed and the re-match job. */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { authErrors, ref } from './schemas.js';

const jobResult = {
  type: 'object',
  properties: {
    refresh: { type: 'object', additionalProperties: true },
    refreshError: { type: 'string' },
    rematch: {
      type: 'object',
      properties: { images: { type: 'integer' }, failed: { type: 'integer' }, added: { type: 'integer' }, resolved: { type: 'integer' }, events: { type: 'integer' }, advisoryStamp: { type: 'string' } },
    },
    startedAt: { type: 'string' },
    finishedAt: { type: 'string' },
  },
} as const;

/** Event and job routes. */
export const eventRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.get(
    '/events',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Events, newest first; with afterId, those after it oldest first (to follow the feed)',
        tags: ['events'],
        querystring: {
          type: 'object',
          properties: { type: { type: 'string' }, imageId: { type: 'integer' }, afterId: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        },
        response: { 200: { type: 'array', items: ref('Event') }, ...authErrors },
      },
    },
    async (req) => ctx.store.listEvents(req.query as { type?: string; imageId?: number; afterId?: number; limit?: number }),
  );

  app.post(
    '/rematch',
    {
      config: { role: 'scanner' },
      schema: {
        summary: 'Refresh advisories (unless update=false) and re-match every image; 202 unless wait=true',
        tags: ['jobs'],
        body: {
          type: 'object',
          nullable: true,
          properties: { update: { type: 'boolean', description: 'refresh the advisory database first (default: the server setting)' }, wait: { type: 'boolean', default: false } },
          additionalProperties: false,
        },
        response: { 200: jobResult, 202: { type: 'object', properties: { status: { type: 'string' } } }, ...authErrors },
      },
    },
    async (req, reply) => {
      const b = (req.body ?? {}) as { update?: boolean; wait?: boolean };
      const job = ctx.jobs.rematch({ update: b.update, trigger: 'rematch' }).then((r) => (ctx.lastRematch = r));
      if (b.wait) return job;
      job.catch((err) => req.log.error({ err }, 're-match job failed'));
      return reply.code(202).send({ status: 'started' });
    },
  );

  app.get(
    '/jobs',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Running jobs and the last re-match',
        tags: ['jobs'],
        response: { 200: { type: 'object', properties: { running: { type: 'object', additionalProperties: { type: 'boolean' } }, lastRematch: jobResult } }, ...authErrors },
      },
    },
    async () => ({ running: ctx.jobs.running(), lastRematch: ctx.lastRematch }),
  );
};
