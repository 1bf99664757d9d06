/** Builds npm packages (purl pkg:npm/%40scope/name@version) and reads the loose JSON shapes npm writes. */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

/** Narrows an unknown JSON value to a plain object, or undefined. */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A non-empty string, or undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Parses attacker-controlled JSON; a syntax error becomes a short Error, never a SyntaxError with the input echoed. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
  const o = asObject(doc);
  if (!o) throw new Error(`${what} is not a JSON object`);
  return o;
}

/** Licenses from `license` (string or legacy {type}) and legacy `licenses` (array of strings or {type}). */
export function npmLicenses(license: unknown, licenses?: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    const s = asString(v) ?? asString(asObject(v)?.type);
    if (s && !out.includes(s)) out.push(s);
  };
  add(license);
  if (Array.isArray(licenses)) for (const l of licenses.slice(0, 100)) add(l);
  else add(licenses);
  return out;
}

/** "file:", "link:" and "workspace:" versions point at the project's own sources, not registry packages. */
export function isLocalVersion(version: string): boolean {
  return /^(file|link|workspace|portal):/.test(version);
}

/** An npm package; the scope of "@scope/name" becomes the purl namespace. */
export function npmPackage(name: string, version: string, licenses: string[] = [], metadata?: Record<string, unknown>): ParsedPackage {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const ns = slash > 0 ? name.slice(0, slash) : undefined;
  const base = slash > 0 ? name.slice(slash + 1) : name;
  const pkg: ParsedPackage = { name, version, type: 'npm', purl: purl('npm', ns, base, version), licenses };
  if (metadata && Object.keys(metadata).length) pkg.metadata = metadata;
  return pkg;
}

/**
 * One package per name@version, first seen first: a package reported as dev in one place and as a
 * production dependency in another counts as a production dependency.
 */
export function dedupePackages(pkgs: ParsedPackage[]): ParsedPackage[] {
  const byId = new Map<string, ParsedPackage>();
  for (const p of pkgs) {
    const id = `${p.name}@${p.version}`;
    const prev = byId.get(id);
    if (!prev) byId.set(id, p);
    else if (prev.metadata?.dev && !p.metadata?.dev) byId.set(id, p);
  }
  return [...byId.values()];
}
