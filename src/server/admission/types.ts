/**
 * AdmissionReview v1 (admission.k8s.io/v1) as a validating webhook sees it, and what the handler
 * needs from its caller. Field names follow the Kubernetes API; only what Bulwark reads is typed.
 */
import type { Obj } from '../../checks/kubernetes/input.js';
import type { Policy, PolicyResult } from '../../policy/index.js';
import type { ImageReference } from '../../source/registry/reference.js';
import type { AdmissionCache } from './cache.js';

export const ADMISSION_API_VERSION = 'admission.k8s.io/v1';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** What the API server asks. `object` is the object as it would be stored (after mutating webhooks). */
export interface AdmissionRequest {
  uid: string;
  kind: GroupVersionKind;
  resource: GroupVersionResource;
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: Operation;
  userInfo?: { username?: string; groups?: string[] };
  object?: Obj | null;
  oldObject?: Obj | null;
  dryRun?: boolean;
}

/** What the webhook answers. `uid` must echo the request's. */
export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code?: number; message?: string; reason?: string };
  /** shown to the client (kubectl prints them); kept under 256 characters each */
  warnings?: string[];
  /** recorded in the audit log, keys prefixed by the API server with the webhook name */
  auditAnnotations?: Record<string, string>;
}

export interface AdmissionReview {
  apiVersion: typeof ADMISSION_API_VERSION;
  kind: 'AdmissionReview';
  request?: AdmissionRequest;
  response?: AdmissionResponse;
}

/** enforce: violations deny; warn: violations are admitted with warnings (audit mode). */
export type AdmissionMode = 'enforce' | 'warn';
/** What an evaluation that errors or times out decides: open admits (with a warning), closed denies. */
export type FailurePolicy = 'open' | 'closed';
/** baseline: the Pod Security Standards baseline profile is enforced on every pod spec; none: off. */
export type PodSecurityLevel = 'baseline' | 'none';

/** A loaded policy with the hash that keys cached results (a new policy never reuses old verdicts). */
export interface AdmissionPolicy {
  document: Policy;
  /** sha256 hex of the validated policy */
  hash: string;
  /** where it came from, for messages */
  name?: string;
}

/** Tag → manifest digest (the top-level digest, the one `docker pull repo@digest` takes). */
export type ResolveDigestFn = (ref: ImageReference) => Promise<string>;
/** Evaluates the policy for one image already resolved to `digest`. */
export type EvaluateImageFn = (policy: AdmissionPolicy, ref: ImageReference, digest: string) => Promise<PolicyResult>;

/** Everything the handler depends on; createAdmissionContext fills the defaults. */
export interface AdmissionContext {
  policy?: AdmissionPolicy;
  mode: AdmissionMode;
  failurePolicy: FailurePolicy;
  podSecurity: PodSecurityLevel;
  /** budget for resolving and evaluating the images of one request, ms */
  timeoutMs: number;
  /** namespaces admitted without evaluation (exact names) */
  exemptNamespaces: readonly string[];
  /** images evaluated in parallel per request */
  concurrency: number;
  resolveDigest: ResolveDigestFn;
  evaluateImage: EvaluateImageFn;
  cache: AdmissionCache;
  /** milliseconds since the epoch */
  now: () => number;
}
