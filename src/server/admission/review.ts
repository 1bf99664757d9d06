/**
 * Reading an AdmissionReview defensively (the body is whatever reached the port) and building the
 * response. Only the fields the handler reads are validated; unknown fields pass through untouched.
 */
import { z } from 'zod';
import type { Obj } from '../../checks/kubernetes/input.js';
import { boundedAnnotations } from './message.js';
import { ADMISSION_API_VERSION, type AdmissionRequest, type AdmissionResponse, type AdmissionReview } from './types.js';

const name = z.string().max(253);
const object = z.record(z.string(), z.unknown()).nullable().optional();

const requestSchema = z.object({
  // the API server sends a UUID; anything short and printable is echoed back
  uid: z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/),
  kind: z.object({ group: z.string().max(253), version: z.string().max(63), kind: z.string().min(1).max(63) }),
  resource: z.object({ group: z.string().max(253), version: z.string().max(63), resource: z.string().max(253) }),
  subResource: z.string().max(253).optional(),
  name: name.optional(),
  namespace: name.optional(),
  operation: z.enum(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']),
  userInfo: z.object({ username: z.string().optional(), groups: z.array(z.string()).optional() }).optional(),
  object,
  oldObject: object,
  dryRun: z.boolean().optional(),
});

const reviewSchema = z.object({
  apiVersion: z.literal(ADMISSION_API_VERSION),
  kind: z.literal('AdmissionReview'),
  request: requestSchema,
});

export type ParsedReview = { ok: true; request: AdmissionRequest } | { ok: false; uid: string; problem: string };

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The request uid when one can be read (to answer even a review that is otherwise malformed). */
export function uidOf(body: unknown): string | undefined {
  const uid = obj(obj(body)?.request)?.uid;
  return typeof uid === 'string' && uid.length > 0 && uid.length <= 128 && /^[\x21-\x7e]+$/.test(uid) ? uid : undefined;
}

/** Validates a review; on failure says where, in one line. */
export function parseReview(body: unknown): ParsedReview {
  const res = reviewSchema.safeParse(body);
  if (res.success) return { ok: true, request: res.data.request as AdmissionRequest };
  const issue = res.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return { ok: false, uid: uidOf(body) ?? '', problem: `${where}: ${issue.message}` };
}

/** Wraps a response in an AdmissionReview. */
export function reviewOf(response: AdmissionResponse): AdmissionReview {
  const r: AdmissionResponse = { uid: response.uid, allowed: response.allowed };
  if (response.status) r.status = response.status;
  if (response.warnings?.length) r.warnings = response.warnings;
  if (response.auditAnnotations && Object.keys(response.auditAnnotations).length) r.auditAnnotations = boundedAnnotations(response.auditAnnotations);
  return { apiVersion: ADMISSION_API_VERSION, kind: 'AdmissionReview', response: r };
}
