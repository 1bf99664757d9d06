/**
 * poetry.lock: one [[package]] table per locked distribution. Poetry 1.x writes `category = "dev"`
 * for dev-only packages; Poetry 2.x writes `groups = [...]` instead (no "main" means dev-only).
 */
import type { ParsedPackage } from '../../types.js';
import { isPythonName, isPythonVersion, pythonPackage } from './package.js';
import { isTable, packageTables, parseTomlFile, type Table } from './toml.js';

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function poetryScope(pkg: Table, groups: string[] | undefined): string | undefined {
  if (pkg.category === 'dev') return 'dev';
  if (groups?.length && !groups.includes('main')) return 'dev';
  return undefined;
}

function poetrySource(src: Table): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [from, to] of [['type', 'type'], ['url', 'url'], ['reference', 'reference'], ['resolved_reference', 'resolvedReference']]) {
    const v = src[from!];
    if (typeof v === 'string' && v) out[to!] = v;
  }
  return out;
}

/** Packages locked by a poetry.lock; entries without a valid name or version are skipped. */
export function parsePoetryLock(text: string): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const pkg of packageTables(parseTomlFile(text, 'poetry.lock'), 'poetry.lock')) {
    const { name, version } = pkg;
    if (!isPythonName(name) || !isPythonVersion(version)) continue;
    const metadata: Record<string, unknown> = {};
    const groups = stringList(pkg.groups);
    const scope = poetryScope(pkg, groups);
    if (scope) metadata.scope = scope;
    if (groups) metadata.groups = groups;
    if (typeof pkg.category === 'string') metadata.category = pkg.category;
    if (pkg.optional === true) metadata.optional = true;
    // [package.source]: git, directory, file, url or a legacy (private) index
    if (isTable(pkg.source) && typeof pkg.source.type === 'string') metadata.source = poetrySource(pkg.source);
    out.push(pythonPackage({ name, version, metadata }));
  }
  return out;
}
