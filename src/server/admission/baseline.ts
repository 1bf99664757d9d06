/**
 * The Pod Security "baseline" profile on the pod template under review, as deny reasons whose field
 * paths are those of the reviewed object (spec.template.spec… for a Deployment,
 * spec.jobTemplate.spec.template.spec… for a CronJob) so `kubectl` users can find them.
 */
import type { K8sPod } from '../../checks/kubernetes/input.js';
import { podSecurityBaseline } from '../../checks/kubernetes/pss.js';
import { pathText } from './workload.js';

/** A reason to refuse the pod template (or warn about it). */
export interface BaselineReason {
  control: string;
  field: string;
  message: string;
}

/** Maps a pod-relative field ("spec.volumes[0]", "metadata.annotations[…]") onto the object. */
function objectField(pod: K8sPod, field: string): string {
  const m = /^(spec|metadata)(.*)$/.exec(field);
  if (!m) return field;
  const base = pathText(m[1] === 'spec' ? pod.specPath : pod.metadataPath);
  return `${base}${m[2]}`;
}

/** Every baseline violation of the pod template. */
export function baselineReasons(pod: K8sPod): BaselineReason[] {
  return podSecurityBaseline(pod.spec, pod.metadata).map((v) => ({ control: v.control, field: objectField(pod, v.field), message: v.message }));
}

/** "Pod Security baseline (Privileged Containers): spec.containers[0].securityContext.privileged: privileged container" */
export function formatBaselineReason(r: BaselineReason): string {
  return `Pod Security baseline (${r.control}): ${r.field}: ${r.message}`;
}
