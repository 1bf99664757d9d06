/**
 * The pod template and container images of the object under review: Pods (and their
 * ephemeralcontainers subresource) and every built-in workload kind. Extraction itself is
 * src/checks/kubernetes/workload.ts, shared with `bulwark config`.
 */
import type { K8sPod, NodePath, Obj } from '../../checks/kubernetes/input.js';
import { extractPod } from '../../checks/kubernetes/workload.js';
import type { AdmissionRequest } from './types.js';

/** The kinds reviewed (API group → kinds). Anything else is admitted untouched. */
export const WORKLOAD_KINDS: Readonly<Record<string, readonly string[]>> = {
  '': ['Pod', 'ReplicationController'],
  apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  batch: ['Job', 'CronJob'],
};

/** Subresources that carry a pod spec worth reviewing ("" is the object itself). */
const REVIEWED_SUBRESOURCES = new Set(['', 'ephemeralcontainers']);

/** One image as a container names it. */
export interface ContainerImage {
  /** the image field as written */
  image: string;
  /** "container app", "init container setup", "ephemeral container debugger" */
  container: string;
}

export interface Workload {
  pod: K8sPod;
  images: ContainerImage[];
}

/** True when the request is about a workload kind this webhook reviews. */
export function isReviewed(req: AdmissionRequest): boolean {
  if (!REVIEWED_SUBRESOURCES.has(req.subResource ?? '')) return false;
  return WORKLOAD_KINDS[req.kind.group]?.includes(req.kind.kind) ?? false;
}

const ROLE_LABEL = { container: 'container', initContainer: 'init container', ephemeralContainer: 'ephemeral container' } as const;

/** The pod template and images of an object (its kind taken from the request, not the body). */
export function extractWorkload(object: Obj, kind: string): Workload | undefined {
  const pod = extractPod({ ...object, kind });
  if (!pod) return undefined;
  const images: ContainerImage[] = [];
  for (const c of pod.containers) {
    const image = c.spec.image;
    // the API server validated the object before validating webhooks run: a missing image cannot reach us
    if (typeof image === 'string' && image.length > 0) images.push({ image, container: `${ROLE_LABEL[c.role]} ${c.name}` });
  }
  return { pod, images };
}

/** "spec.template.spec" for a path like ["spec", "template", "spec"]. */
export function pathText(path: NodePath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${p}`;
  return out;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Obj;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function apparmorAnnotations(pod: K8sPod): string {
  const a = pod.metadata.annotations;
  if (typeof a !== 'object' || a === null) return '';
  return stableJson(Object.entries(a).filter(([k]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/')));
}

/**
 * True when an UPDATE leaves everything this webhook judges as it was: the pod spec and the AppArmor
 * annotations. Such updates (labels, finalizers, scale, status) are admitted without a new verdict,
 * so a pod admitted under an older policy can still be relabelled or finish deleting.
 */
export function unchangedPodSpec(req: AdmissionRequest, now: Workload): boolean {
  if (req.operation !== 'UPDATE' || !req.oldObject) return false;
  const before = extractWorkload(req.oldObject, req.kind.kind);
  if (!before) return false;
  return stableJson(before.pod.spec) === stableJson(now.pod.spec) && apparmorAnnotations(before.pod) === apparmorAnnotations(now.pod);
}
