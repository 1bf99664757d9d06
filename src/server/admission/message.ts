/**
 * What the user and the audit log see: one deny message listing every reason (image + rule, or the
 * Pod Security control and field), warnings short enough for kubectl, and audit annotations that
 * record which digest each image resolved to.
 */
import { formatReference } from '../../source/registry/reference.js';
import { formatBaselineReason, type BaselineReason } from './baseline.js';
import type { ImageOutcome } from './image.js';

/** Kubernetes advises warnings under 120 characters and may truncate them past 256. */
export const MAX_WARNING = 256;
const MAX_WARNINGS = 20;
/** Reasons listed in a deny message before "… and N more". */
const MAX_REASONS = 30;
const MAX_MESSAGE = 8 * 1024;
const MAX_ANNOTATION = 10 * 1024;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Text from the object under review (image strings, container names) as one printable line: control
 * characters escaped, so a crafted image name cannot forge extra reason lines in the message or logs.
 */
export function printable(s: string, max = 300): string {
  return clip(s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), max);
}

function who(i: ImageOutcome): string {
  return `image ${printable(i.image)} (${printable(i.containers.join(', '))})`;
}

/** One line per reason, images first. */
export function reasonLines(images: ImageOutcome[], baseline: BaselineReason[]): string[] {
  const out: string[] = [];
  for (const i of images) {
    for (const v of i.violations) out.push(`${who(i)}: ${printable(v, 1000)}`);
  }
  for (const b of baseline) out.push(printable(formatBaselineReason(b), 1000));
  return out;
}

/** Lines for images whose evaluation did not finish. */
export function errorLines(images: ImageOutcome[]): string[] {
  return images.filter((i) => i.error).map((i) => `${who(i)}: could not be evaluated: ${printable(i.error!, 1000)}`);
}

/** Every annotation value bounded (the audit log is not the place for megabytes). */
export function boundedAnnotations(a: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, clip(v, MAX_ANNOTATION)]));
}

/** "Bulwark denied Deployment team-a/web: 2 reasons\n- …\n- …" */
export function denyMessage(subject: string, lines: string[]): string {
  const shown = lines.slice(0, MAX_REASONS);
  const more = lines.length - shown.length;
  const text = `Bulwark denied ${printable(subject)}: ${lines.length} reason${lines.length === 1 ? '' : 's'}\n${shown.map((l) => `- ${l}`).join('\n')}${more > 0 ? `\n- … and ${more} more` : ''}`;
  return clip(text, MAX_MESSAGE);
}

/** Warnings as kubectl prints them ("Warning: [bulwark] …"), bounded in number and length. */
export function warningList(lines: string[]): string[] {
  const out = lines.slice(0, MAX_WARNINGS).map((l) => clip(`[bulwark] ${l}`, MAX_WARNING));
  if (lines.length > MAX_WARNINGS) out.push(`[bulwark] … and ${lines.length - MAX_WARNINGS} more (see the audit log)`);
  return out;
}

/** Audit annotations: the decision, each image's resolved digest, the policy hash, cache use. */
export function auditAnnotations(decision: string, images: ImageOutcome[], extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { decision, ...extra };
  if (images.length) {
    const resolved = images.map((i) => ({
      image: i.image,
      ...(i.reference ? { reference: formatReference(i.reference) } : {}),
      ...(i.digest ? { digest: i.digest } : {}),
      containers: i.containers,
    }));
    out.images = JSON.stringify(resolved);
    const hits = images.filter((i) => i.cached).length;
    out.cache = `hits=${hits} misses=${images.filter((i) => i.digest && !i.cached).length}`;
  }
  return out;
}
