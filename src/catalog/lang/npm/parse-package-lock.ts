/**
 * package-lock.json and npm-shrinkwrap.json. Version 1 nests a `dependencies` tree; versions 2 and 3
 * list every installed copy in a flat `packages` map keyed by its node_modules path (v2 also keeps
 * the v1 tree for old npm, which is ignored when `packages` is present).
 */
import type { ParsedPackage } from '../../types.js';
import { asObject, asString, dedupePackages, isLocalVersion, npmLicenses, npmPackage, parseJsonObject } from './package.js';

const NODE_MODULES = 'node_modules/';

function flags(entry: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  if (entry.dev === true) meta.dev = true;
  if (entry.optional === true) meta.optional = true;
  return meta;
}

/** "npm:real-name@1.2.3" (an aliased dependency) -> real name and version. */
function unalias(name: string, version: string): { name: string; version: string } {
  if (!version.startsWith('npm:')) return { name, version };
  const spec = version.slice(4);
  const at = spec.lastIndexOf('@');
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name, version };
}

function fromPackagesMap(packages: Record<string, unknown>): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const [key, value] of Object.entries(packages)) {
    const entry = asObject(value);
    const at = key.lastIndexOf(NODE_MODULES);
    // "" is the root project; keys without node_modules/ are workspace sources; links point at them
    if (!entry || at < 0 || entry.link === true) continue;
    const name = asString(entry.name) ?? key.slice(at + NODE_MODULES.length);
    const version = asString(entry.version);
    if (!version || isLocalVersion(version)) continue;
    out.push(npmPackage(name, version, npmLicenses(entry.license), flags(entry)));
  }
  return out;
}

function fromDependencyTree(root: Record<string, unknown>): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  // explicit stack: the tree's depth is attacker-controlled
  const stack: Record<string, unknown>[] = [root];
  while (stack.length) {
    const deps = stack.pop()!;
    for (const [key, value] of Object.entries(deps)) {
      const entry = asObject(value);
      const raw = asString(entry?.version);
      if (!entry || !raw) continue;
      const nested = asObject(entry.dependencies);
      if (nested) stack.push(nested);
      if (isLocalVersion(raw)) continue;
      const { name, version } = unalias(key, raw);
      out.push(npmPackage(name, version, [], flags(entry)));
    }
  }
  return out;
}

/** Parses a package-lock.json / npm-shrinkwrap.json of lockfileVersion 1, 2 or 3. */
export function parsePackageLock(text: string): ParsedPackage[] {
  const doc = parseJsonObject(text, 'package lock');
  const packages = asObject(doc.packages);
  if (packages) return dedupePackages(fromPackagesMap(packages));
  const deps = asObject(doc.dependencies);
  return deps ? dedupePackages(fromDependencyTree(deps)) : [];
}
