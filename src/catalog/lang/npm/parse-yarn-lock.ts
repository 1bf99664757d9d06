/**
 * yarn.lock, both classic (v1, "# yarn lockfile v1") and berry (v2+, YAML with a __metadata entry).
 * Both are parsed by @yarnpkg/parsers, the parser yarn itself uses.
 */
import { parseSyml } from '@yarnpkg/parsers';
import type { ParsedPackage } from '../../types.js';
import { asObject, asString, dedupePackages, isLocalVersion, npmPackage } from './package.js';

// berry protocols that name the project's own code or a patched copy of a package listed anyway
const SKIPPED_PROTOCOLS = /^(workspace|link|portal|patch|file|exec):/;

/** "@scope/name@^1.0.0" -> ["@scope/name", "^1.0.0"]; the name's own leading @ is not a separator. */
export function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

/** Classic: the name comes from the first descriptor of the key ("a@^1, a@^1.2"); aliases "x@npm:real@^1" name the real package. */
function classicEntry(key: string, entry: Record<string, unknown>): ParsedPackage | undefined {
  const first = key.split(',')[0]!.trim().replace(/^"|"$/g, '');
  let [name, range] = splitDescriptor(first);
  if (range.startsWith('npm:')) [name, range] = splitDescriptor(range.slice(4));
  const version = asString(entry.version);
  if (!name || !version || isLocalVersion(range) || isLocalVersion(version)) return undefined;
  return npmPackage(name, version);
}

/** Berry: `resolution: "name@npm:1.2.3"` says what was installed; other protocols fall back to `version`. */
function berryEntry(entry: Record<string, unknown>): ParsedPackage | undefined {
  const resolution = asString(entry.resolution);
  if (!resolution || entry.linkType === 'soft') return undefined;
  const [name, reference] = splitDescriptor(resolution);
  if (!name || SKIPPED_PROTOCOLS.test(reference)) return undefined;
  let version = asString(entry.version);
  if (reference.startsWith('npm:')) version = reference.slice(4).split('@').pop();
  if (!version || version === '0.0.0-use.local') return undefined;
  return npmPackage(name, version);
}

/** Parses a classic or berry yarn.lock. */
export function parseYarnLock(text: string): ParsedPackage[] {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = asObject(parseSyml(text));
  } catch {
    throw new Error('yarn.lock is neither a yarn v1 lockfile nor valid YAML');
  }
  if (!doc) return [];
  const berry = '__metadata' in doc;
  const out: ParsedPackage[] = [];
  for (const [key, value] of Object.entries(doc)) {
    const entry = asObject(value);
    if (!entry || key === '__metadata') continue;
    const pkg = berry ? berryEntry(entry) : classicEntry(key, entry);
    if (pkg) out.push(pkg);
  }
  return dedupePackages(out);
}
