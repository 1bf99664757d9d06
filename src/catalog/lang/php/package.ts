/** Builds composer packages (purl pkg:composer/vendor/name@version) from composer's JSON entries. */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

/** Narrows an unknown JSON value to a plain object, or undefined. */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Parses attacker-controlled JSON; a syntax error becomes a short Error without the input echoed. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
}

/** Licenses as composer writes them: an array of SPDX ids, or (in old files) a single string. */
function licensesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v.slice(0, 100) : [v];
  const out: string[] = [];
  for (const l of list) if (typeof l === 'string' && l && !out.includes(l)) out.push(l);
  return out;
}

/** One entry of composer.lock `packages` / installed.json; undefined without a "vendor/name" and version. */
export function composerPackage(value: unknown, dev: boolean): ParsedPackage | undefined {
  const entry = asObject(value);
  const name = entry?.name;
  const version = entry?.version;
  if (typeof name !== 'string' || typeof version !== 'string' || !version) return undefined;
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) return undefined;
  const pkg: ParsedPackage = {
    name,
    version,
    type: 'composer',
    purl: purl('composer', name.slice(0, slash), name.slice(slash + 1), version),
    licenses: licensesOf(entry!.license),
  };
  if (dev) pkg.metadata = { dev: true };
  return pkg;
}
