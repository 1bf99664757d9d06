/** Finds the pod template of Pods and workload kinds, and builds hits located at a field of it. */
import type { CheckHit } from '../types.js';
import type { K8sContainer, K8sObject, K8sPod, KubernetesCheckInput, NodePath, Obj } from './input.js';

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** Reads a nested map field, or undefined. */
export function getIn(root: unknown, path: NodePath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (obj(cur)) cur = (cur as Obj)[String(seg)];
    else return undefined;
  }
  return cur;
}

/** Where the pod template sits in each workload kind (Pod itself: its own spec). */
function templatePath(value: Obj): NodePath | undefined {
  if (value.kind === 'Pod') return [];
  if (value.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  if (value.kind === 'PodTemplate') return ['template'];
  // Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, and CRDs shaped like them
  if (obj(getIn(value, ['spec', 'template', 'spec']))) return ['spec', 'template'];
  return undefined;
}

const ROLES: [string, K8sContainer['role']][] = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

/** The pod spec, metadata and containers of a Pod or workload, with their paths. */
export function extractPod(value: Obj): K8sPod | undefined {
  const base = templatePath(value);
  if (!base) return undefined;
  const spec = obj(getIn(value, [...base, 'spec']));
  if (!spec) return undefined;
  const specPath = [...base, 'spec'];
  const containers: K8sContainer[] = [];
  for (const [field, role] of ROLES) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    for (const [i, c] of list.entries()) {
      const cs = obj(c);
      if (cs) containers.push({ name: typeof cs.name === 'string' ? cs.name : `#${i}`, role, spec: cs, path: [...specPath, field, i] });
    }
  }
  return { spec, specPath, metadata: obj(getIn(value, [...base, 'metadata'])) ?? {}, metadataPath: [...base, 'metadata'], containers };
}

/** "Deployment/web container app" (init and ephemeral containers say so). */
export function objectLabel(o: K8sObject, c?: K8sContainer): string {
  const base = `${o.kind}/${o.name}`;
  if (!c) return base;
  const role = c.role === 'container' ? 'container' : c.role === 'initContainer' ? 'init container' : 'ephemeral container';
  return `${base} ${role} ${c.name}`;
}

/** A hit at `path` (object-relative) of `o`, naming the container and the Helm template if any. */
export function hitAt(input: KubernetesCheckInput, o: K8sObject, message: string, path: NodePath, c?: K8sContainer): CheckHit {
  return {
    message: o.origin ? `${message} (rendered from ${o.origin})` : message,
    location: { path: input.path, line: o.line(path), object: objectLabel(o, c) },
  };
}

/** Runs `fn` for every container of every workload; collects its hits. */
export function eachContainer(
  input: KubernetesCheckInput,
  fn: (o: K8sObject, pod: K8sPod, c: K8sContainer) => CheckHit | CheckHit[] | undefined,
): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const o of input.objects) {
    if (!o.pod) continue;
    for (const c of o.pod.containers) {
      const h = fn(o, o.pod, c);
      if (h) hits.push(...(Array.isArray(h) ? h : [h]));
    }
  }
  return hits;
}

/** Runs `fn` for every workload's pod spec. */
export function eachPod(input: KubernetesCheckInput, fn: (o: K8sObject, pod: K8sPod) => CheckHit | CheckHit[] | undefined): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const o of input.objects) {
    if (!o.pod) continue;
    const h = fn(o, o.pod);
    if (h) hits.push(...(Array.isArray(h) ? h : [h]));
  }
  return hits;
}

/**
 * A security-context field as it applies to a container: the container's own value overrides the
 * pod's. Returns the value and the object-relative path it came from.
 */
export function effective(pod: K8sPod, c: K8sContainer, field: string): { value: unknown; path: NodePath } {
  const own = getIn(c.spec, ['securityContext', field]);
  if (own !== undefined && own !== null) return { value: own, path: [...c.path, 'securityContext', field] };
  const podValue = getIn(pod.spec, ['securityContext', field]);
  if (podValue !== undefined && podValue !== null) return { value: podValue, path: [...pod.specPath, 'securityContext', field] };
  return { value: undefined, path: c.spec.securityContext ? [...c.path, 'securityContext'] : c.path };
}

/** A container-level security-context field and its path (or the container's path when unset). */
export function containerField(c: K8sContainer, field: string): { value: unknown; path: NodePath } {
  const value = getIn(c.spec, ['securityContext', field]);
  if (value !== undefined) return { value, path: [...c.path, 'securityContext', field] };
  return { value, path: c.spec.securityContext ? [...c.path, 'securityContext'] : c.path };
}
