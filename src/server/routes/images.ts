/** /api/v1/images: register (by reference or SBOM upload), list, inspect, re-match and delete images. */
import type { FastifyPluginAsync } from 'fastify';
import { SEVERITIES } from '../../vuln/match/types.js';
import type { ServerContext } from '../context.js';
import { authErrors, idParams, matchOutcomeSchema, ref } from './schemas.js';

const SBOM_TYPES = ['application/json', 'application/vnd.cyclonedx+json', 'application/spdx+json'];

async function mustGet(ctx: ServerContext, id: number) {
  const image = await ctx.store.getImage(id);
  if (!image) throw Object.assign(new Error(`no image ${id}`), { statusCode: 404 });
  return image;
}

/** Image routes. */
export const imageRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  // SBOM uploads are read raw (readSbom caps depth and reports errors in one line)
  app.register(async (sub) => {
    sub.removeContentTypeParser('application/json');
    sub.addContentTypeParser(SBOM_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    sub.post(
      '/images/sbom',
      {
        config: { role: 'scanner' },
        schema: {
          summary: 'Register an image from a CycloneDX or SPDX JSON SBOM (the request body)',
          tags: ['images'],
          consumes: SBOM_TYPES,
          querystring: {
            type: 'object',
            properties: { ref: { type: 'string', maxLength: 512, description: 'name to register it under (default: the SBOM subject)' }, osManagedUpstream: { type: 'boolean', default: false } },
          },
          body: { type: 'object', additionalProperties: true, description: 'CycloneDX 1.4–1.7 or SPDX 2.2/2.3 JSON' },
          response: { 201: matchOutcomeSchema, 400: ref('Error'), 413: ref('Error'), ...authErrors },
        },
        // the schema above documents the body; the raw buffer is validated by readSbom instead
        validatorCompiler: () => () => true,
      },
      async (req, reply) => {
        const q = req.query as { ref?: string; osManagedUpstream?: boolean };
        const out = await ctx.monitor.registerSbom(req.body as Buffer, { ref: q.ref, osManagedUpstream: q.osManagedUpstream });
        return reply.code(201).send(out);
      },
    );
  });

  app.post(
    '/images',
    {
      config: { role: 'scanner' },
      schema: {
        summary: 'Register an image by reference; the server pulls and inventories it once',
        tags: ['images'],
        body: {
          type: 'object',
          properties: {
            ref: { type: 'string', minLength: 1, maxLength: 512, description: 'registry reference (local paths only with --allow-local-images)' },
            osManagedUpstream: { type: 'boolean', default: false, description: 'also match OS-managed language packages against upstream advisories' },
          },
          required: ['ref'],
          additionalProperties: false,
        },
        response: { 201: matchOutcomeSchema, 400: ref('Error'), ...authErrors },
      },
    },
    async (req, reply) => {
      const b = req.body as { ref: string; osManagedUpstream?: boolean };
      return reply.code(201).send(await ctx.monitor.registerImage({ ref: b.ref, osManagedUpstream: b.osManagedUpstream }));
    },
  );

  app.get('/images', { config: { role: 'viewer' }, schema: { summary: 'List images with finding counts', tags: ['images'], response: { 200: { type: 'array', items: ref('Image') }, ...authErrors } } }, async () =>
    ctx.store.listImages(),
  );

  app.get(
    '/images/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One image: its record, OS, package count and last scan',
        tags: ['images'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: { image: ref('Image'), os: { type: 'object', additionalProperties: true }, sbomFormat: { type: 'string' }, packages: { type: 'integer' }, lastScan: ref('Scan') },
            required: ['image'],
          },
          404: ref('Error'),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      const image = await mustGet(ctx, id);
      const [sbom, scans, summary] = await Promise.all([ctx.store.getSbom(id), ctx.store.listScans(id, 1), ctx.store.listImages()]);
      return { image: summary.find((i) => i.id === id) ?? image, os: sbom?.inventory.os, sbomFormat: sbom?.format, packages: sbom?.inventory.packages.length ?? 0, lastScan: scans[0] };
    },
  );

  app.get(
    '/images/:id/packages',
    { config: { role: 'viewer' }, schema: { summary: "The image's stored packages", tags: ['images'], params: idParams, response: { 200: { type: 'array', items: { type: 'object', additionalProperties: true } }, 404: ref('Error'), ...authErrors } } },
    async (req) => {
      const { id } = req.params as { id: number };
      await mustGet(ctx, id);
      return (await ctx.store.getSbom(id))?.inventory.packages ?? [];
    },
  );

  app.get(
    '/images/:id/findings',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Current findings of the image (from its latest match)',
        tags: ['images'],
        params: idParams,
        querystring: { type: 'object', properties: { severity: { type: 'string', description: `comma-separated: ${SEVERITIES.join(',')}` } } },
        response: { 200: { type: 'array', items: ref('Finding') }, 404: ref('Error'), ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      await mustGet(ctx, id);
      const sev = (req.query as { severity?: string }).severity?.toUpperCase().split(',').filter(Boolean);
      const rows = await ctx.store.listFindings(id);
      return sev?.length ? rows.filter((r) => sev.includes(r.severity)) : rows;
    },
  );

  app.get(
    '/images/:id/scans',
    { config: { role: 'viewer' }, schema: { summary: 'Scan history, newest first', tags: ['images'], params: idParams, response: { 200: { type: 'array', items: ref('Scan') }, 404: ref('Error'), ...authErrors } } },
    async (req) => {
      const { id } = req.params as { id: number };
      await mustGet(ctx, id);
      return ctx.store.listScans(id);
    },
  );

  app.get(
    '/images/:id/events',
    { config: { role: 'viewer' }, schema: { summary: "The image's events, newest first", tags: ['images'], params: idParams, response: { 200: { type: 'array', items: ref('Event') }, ...authErrors } } },
    async (req) => ctx.store.listEvents({ imageId: (req.params as { id: number }).id, limit: 500 }),
  );

  app.post(
    '/images/:id/rematch',
    { config: { role: 'scanner' }, schema: { summary: 'Re-match one image against the current advisory database', tags: ['images'], params: idParams, response: { 200: matchOutcomeSchema, 404: ref('Error'), ...authErrors } } },
    async (req) => ctx.monitor.rematchImage((req.params as { id: number }).id),
  );

  app.delete(
    '/images/:id',
    { config: { role: 'admin' }, schema: { summary: 'Stop monitoring an image (its events are kept)', tags: ['images'], params: idParams, response: { 204: { type: 'null' }, 404: ref('Error'), ...authErrors } } },
    async (req, reply) => {
      const { id } = req.params as { id: number };
      if (!(await ctx.monitor.deleteImage(id))) return reply.code(404).send({ error: 'not_found', message: `no image ${id}` });
      return reply.code(204).send();
    },
  );
};
