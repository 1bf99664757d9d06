/**
 * readSbom(): the entry point for `bulwark sbom-scan`. Detects CycloneDX or SPDX JSON and reads it
 * into an OS and packages. The document is attacker-controlled: its size and nesting are capped and
 * every failure is a one-line BulwarkError('MALFORMED_MANIFEST'), never a SyntaxError or a crash.
 */
import { BulwarkError } from '../shared/errors.js';
import { readCycloneDx } from './read-cyclonedx.js';
import { readSpdx } from './read-spdx.js';
import type { SbomInput } from './read-common.js';

export type { SbomInput } from './read-common.js';

/** Largest SBOM read (bytes); SBOMs of very large images stay well under it. */
export const MAX_SBOM_BYTES = 256 * 1024 * 1024;
/** Deepest JSON nesting accepted (nested CycloneDX components stay far below it). */
export const MAX_SBOM_DEPTH = 64;

/** Nesting depth of parsed JSON, without recursion (a hostile document can be deep). */
function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

function hint(text: string): string {
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('<')) return ' (XML SBOMs are not read: use CycloneDX or SPDX JSON)';
  if (/^SPDXVersion:/m.test(head)) return ' (SPDX tag-value is not read: use SPDX JSON)';
  return '';
}

/** Reads a CycloneDX (1.4–1.7) or SPDX (2.2/2.3) JSON SBOM; `what` names it in errors. */
export function readSbom(input: string | Buffer, what = 'SBOM'): SbomInput {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_SBOM_BYTES) throw new BulwarkError('TOO_LARGE', `${what} is ${size} bytes, over the ${MAX_SBOM_BYTES}-byte limit`);
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new BulwarkError('MALFORMED_MANIFEST', `${what} is not valid JSON${hint(text)} (${(err as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BulwarkError('MALFORMED_MANIFEST', `${what} is not a JSON object`);
  if (depthOf(raw, MAX_SBOM_DEPTH) > MAX_SBOM_DEPTH) throw new BulwarkError('MALFORMED_MANIFEST', `${what} is nested deeper than ${MAX_SBOM_DEPTH} levels`);
  const obj = raw as Record<string, unknown>;
  if (obj.bomFormat === 'CycloneDX') return readCycloneDx(raw, what);
  if (typeof obj.spdxVersion === 'string') return readSpdx(raw, what);
  if ('@context' in obj) throw new BulwarkError('MALFORMED_MANIFEST', `${what} looks like SPDX 3 JSON-LD, which is not read yet (use SPDX 2.3 or CycloneDX JSON)`);
  throw new BulwarkError('MALFORMED_MANIFEST', `${what} is neither CycloneDX JSON (bomFormat) nor SPDX JSON (spdxVersion)`);
}
