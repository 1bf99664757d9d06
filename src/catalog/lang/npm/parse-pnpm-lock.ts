/**
 * pnpm-lock.yaml. The `packages` keys changed shape across lockfile versions:
 *   5.x  /name/1.2.3, /@scope/name/1.2.3_peer@2.0.0
 *   6.x  /name@1.2.3, /@scope/name@1.2.3(peer@2.0.0)
 *   9.x  name@1.2.3 (peer suffixes only in `snapshots`, which is not needed here)
 * Entries from git or tarballs carry `name` and `version` fields, which win over the key.
 */
import { parse } from 'yaml';
import type { ParsedPackage } from '../../types.js';
import { asObject, asString, dedupePackages, isLocalVersion, npmPackage } from './package.js';
import { splitDescriptor } from './parse-yarn-lock.js';

/** Name and version from a `packages` key of the given lockfile major version. */
export function parsePnpmKey(key: string, major: number): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  if (major >= 6) {
    const [name, version] = splitDescriptor(k);
    return name && version ? { name, version } : undefined;
  }
  // 5.x keys of git or tarball packages ("github.com/a/b/sha") have no leading slash and no name in them
  if (!key.startsWith('/')) return undefined;
  const parts = k.split('/');
  const scoped = k.startsWith('@');
  const name = scoped ? parts.slice(0, 2).join('/') : parts[0]!;
  const version = parts[scoped ? 2 : 1]?.split('_')[0];
  return name && version ? { name, version } : undefined;
}

function lockfileMajor(v: unknown): number {
  const n = Number.parseFloat(String(v ?? ''));
  if (!Number.isFinite(n)) throw new Error('pnpm-lock.yaml has no lockfileVersion');
  return Math.floor(n);
}

/** Parses a pnpm-lock.yaml of lockfile version 5.x, 6.x or 9.x. */
export function parsePnpmLock(text: string): ParsedPackage[] {
  let doc: Record<string, unknown> | undefined;
  try {
    // yaml's default alias limit stops "billion laughs" documents
    doc = asObject(parse(text, { maxAliasCount: 100 }));
  } catch {
    throw new Error('pnpm-lock.yaml is not valid YAML');
  }
  if (!doc) throw new Error('pnpm-lock.yaml is not a YAML mapping');
  const major = lockfileMajor(doc.lockfileVersion);
  const packages = asObject(doc.packages) ?? {};
  const out: ParsedPackage[] = [];
  for (const [key, value] of Object.entries(packages)) {
    const entry = asObject(value) ?? {};
    const fromKey = parsePnpmKey(key, major);
    const name = asString(entry.name) ?? fromKey?.name;
    const version = asString(entry.version) ?? fromKey?.version;
    if (!name || !version || isLocalVersion(version)) continue;
    const meta: Record<string, unknown> = {};
    if (entry.dev === true) meta.dev = true;
    if (entry.optional === true) meta.optional = true;
    out.push(npmPackage(name, version, [], meta));
  }
  return dedupePackages(out);
}
