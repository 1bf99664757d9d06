/**
 * POST /admission as a fastify plugin: standalone (`bulwark admission`) or inside `bulwark server`
 * (admissionServerPlugin; TLS is the server's). The route is public (the API server authenticates
 * the webhook by its CA bundle, not with a token) and not rate limited (every pod in the cluster goes
 * through it). A body that is not JSON, not an object, or has no request.uid cannot be answered with an
 * AdmissionReview and gets a 400; everything else gets a 200 AdmissionReview (allowed or not).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerPlugin } from '../context.js';
import { handleAdmissionReview } from './handler.js';
import { uidOf } from './review.js';
import type { AdmissionContext } from './types.js';

/** An AdmissionReview carries the object and, on UPDATE, the old one; etcd caps objects at 1.5 MiB. */
export const ADMISSION_BODY_LIMIT = 6 * 1024 * 1024;

export interface AdmissionPluginOptions {
  admission: AdmissionContext;
  /** request body limit, bytes (default 6 MiB) */
  bodyLimit?: number;
}

/** Registers POST /admission. */
export async function admissionPlugin(app: FastifyInstance, opts: AdmissionPluginOptions): Promise<void> {
  const route = {
    bodyLimit: opts.bodyLimit ?? ADMISSION_BODY_LIMIT,
    config: { role: 'public' as const, rateLimit: false as const },
    schema: { summary: 'Kubernetes validating admission webhook (AdmissionReview admission.k8s.io/v1)', tags: ['admission'], security: [] },
  };
  app.post('/admission', route, async (req, reply) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return reply.code(400).send({ error: 'bad_request', message: 'the body must be an AdmissionReview (a JSON object)' });
    }
    if (!uidOf(body)) return reply.code(400).send({ error: 'bad_request', message: 'request.uid is missing or invalid: the review cannot be answered' });
    const review = await handleAdmissionReview(body, opts.admission);
    const r = review.response!;
    req.log.info({ uid: r.uid, allowed: r.allowed, decision: r.auditAnnotations?.decision, status: r.status?.message?.split('\n')[0] }, 'admission review');
    return reply.code(200).send(review);
  });
}

/** The webhook as an extra plugin of `bulwark server` (config.plugins). */
export function admissionServerPlugin(admission: AdmissionContext, opts: { bodyLimit?: number } = {}): ServerPlugin {
  return { name: 'admission', plugin: async (app) => admissionPlugin(app, { admission, bodyLimit: opts.bodyLimit }) };
}
