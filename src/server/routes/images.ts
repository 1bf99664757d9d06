/** /api/v1/images: register (by reference or SBOM upload), list, inspect, re-match and delete images. */
import type { FastifyPluginAsync } from 'fastify';
import { eolStatus } from '../../distro/eol.js';
import { fixAdvice } from '../../vuln/fix-advice.js';
import { SEVERITIES } from '../../vuln/match/types.js';
import type { ServerContext } from '../context.js';
import { authErrors, idParams, matchOutcomeSchema, ref } from './schemas.js';

const SBOM_TYPES = ['application/json', 'application/vnd.cyclonedx+json', 'application/spdx+json'];

async function mustGet(ctx: ServerContext, id: number) {
  const image = await ctx.store.getImage(id);
  if (!image) throw Object.assign(new Error(`no image ${id}`), { statusCode: 404 });
  return image;
}

/** Why an image has no layers or hardening results. */
function noDetails(kind: string): string {
  return kind === 'sbom' ? 'registered from an SBOM: the image itself was never scanned' : 'scanned before layers and hardening results were kept: register the reference again';
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

  app.get(
    '/images/:id/layers',
    {
      config: { role: 'viewer' },
      schema: {
        summary: "The image's layers with their created_by (null for SBOM uploads: an SBOM has no layers)",
        tags: ['images'],
        params: idParams,
        response: { 200: { type: 'object', properties: { layers: { type: ['array', 'null'], items: ref('Layer') }, reason: { type: 'string', description: 'why layers is null' } }, required: ['layers'] }, 404: ref('Error'), ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      const image = await mustGet(ctx, id);
      const d = await ctx.store.getDetails(id);
      return d ? { layers: d.layers } : { layers: null, reason: noDetails(image.sourceKind) };
    },
  );

  app.get(
    '/images/:id/hardening',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Image hardening results kept from the scan: image checks (IMG-) and redacted secrets (null for SBOM uploads)',
        tags: ['images'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            description: 'every field but reason is null when the image was registered from an SBOM (nothing was scanned)',
            properties: {
              configFindings: { type: ['array', 'null'], items: ref('ConfigFinding') },
              secrets: { type: ['array', 'null'], items: ref('SecretFinding'), description: 'redacted values only, with the layer that added each' },
              warnings: { type: ['array', 'null'], items: { type: 'string' } },
              scannedAt: { type: ['string', 'null'], format: 'date-time' },
              reason: { type: 'string', description: 'why there are no results' },
            },
            required: ['configFindings', 'secrets', 'scannedAt'],
          },
          404: ref('Error'),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      const image = await mustGet(ctx, id);
      const d = await ctx.store.getDetails(id);
      if (!d) return { configFindings: null, secrets: null, warnings: null, scannedAt: null, reason: noDetails(image.sourceKind) };
      return { configFindings: d.configFindings, secrets: d.secrets, warnings: d.warnings, scannedAt: d.scannedAt };
    },
  );

  app.get(
    '/images/:id/summary',
    {
      config: { role: 'viewer' },
      schema: {
        summary: "OS end-of-life status and fix advice (the upgrades that fix the most) for the image's current findings",
        tags: ['images'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              eol: {
                type: 'object',
                properties: {
                  state: { type: 'string', enum: ['supported', 'eol', 'rolling', 'unknown'] },
                  distro: { type: 'string' },
                  cycle: { type: 'string' },
                  eolDate: { type: 'string' },
                  daysLeft: { type: 'integer' },
                  reason: { type: 'string' },
                },
                required: ['state'],
              },
              fixAdvice: {
                type: 'object',
                properties: {
                  packages: { type: 'array', items: { type: 'object', additionalProperties: true } },
                  fixable: { type: 'integer' },
                  total: { type: 'integer' },
                  summary: { type: 'string' },
                },
                required: ['packages', 'fixable', 'total', 'summary'],
              },
            },
            required: ['eol', 'fixAdvice'],
          },
          404: ref('Error'),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      await mustGet(ctx, id);
      const [sbom, findings] = await Promise.all([ctx.store.getSbom(id), ctx.store.listFindings(id)]);
      const eol = eolStatus(sbom?.inventory.os);
      return {
        eol: { state: eol.state, distro: eol.distro, cycle: eol.cycle, eolDate: eol.release?.eol ?? undefined, daysLeft: eol.daysLeft, reason: eol.reason },
        fixAdvice: fixAdvice(findings.map((f) => f.finding)),
      };
    },
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
