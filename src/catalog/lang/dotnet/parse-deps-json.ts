/**
 * <app>.deps.json, written next to every .NET application by the SDK. Its `libraries` map is keyed
 * "Name/Version"; only "package" entries came from NuGet ("project" is the app's own code,
 * "reference" an assembly referenced by path, "runtimepack"/"platform" the shared framework).
 */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Parses a deps.json and returns its NuGet packages. */
export function parseDepsJson(text: string): ParsedPackage[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new Error('deps.json is not valid JSON');
  }
  const root = asObject(doc);
  if (!root) throw new Error('deps.json is not a JSON object');
  const libraries = asObject(root.libraries) ?? {};
  const out: ParsedPackage[] = [];
  for (const [key, value] of Object.entries(libraries)) {
    const lib = asObject(value);
    if (lib?.type !== 'package') continue;
    const slash = key.indexOf('/');
    const name = key.slice(0, slash);
    const version = key.slice(slash + 1);
    if (slash <= 0 || !version) continue;
    const metadata: Record<string, unknown> = {};
    if (typeof lib.sha512 === 'string' && lib.sha512) metadata.sha512 = lib.sha512;
    if (typeof lib.path === 'string' && lib.path) metadata.path = lib.path;
    out.push({ name, version, type: 'nuget', purl: purl('nuget', undefined, name, version), licenses: [], metadata });
  }
  return out;
}
