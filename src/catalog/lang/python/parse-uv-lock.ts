/**
 * uv.lock: [[package]] tables with name, version and a source table. The project itself and
 * workspace members have an `editable` or `virtual` source; they are local code, so they are not
 * reported, but their dependency lists decide which packages are dev-only.
 */
import type { ParsedPackage } from '../../types.js';
import { isPythonName, isPythonVersion, pythonPackage } from './package.js';
import { isTable, packageTables, parseTomlFile, type Table } from './toml.js';

function isLocalProject(pkg: Table): boolean {
  return isTable(pkg.source) && (pkg.source.editable !== undefined || pkg.source.virtual !== undefined);
}

/** Dependency entries of a list, and of every list in a table of lists (extras, groups). */
function depEntries(v: unknown): Table[] {
  if (Array.isArray(v)) return v.filter(isTable);
  if (!isTable(v)) return [];
  return Object.values(v).flatMap((list) => (Array.isArray(list) ? list.filter(isTable) : []));
}

/** Lookup key of a dependency: its name, plus the version when the lock holds several versions. */
function depKey(dep: Table): string | undefined {
  if (typeof dep.name !== 'string') return undefined;
  return typeof dep.version === 'string' ? `${dep.name}\0${dep.version}` : dep.name;
}

/** Packages by name and by name + version. */
function indexPackages(pkgs: Table[]): Map<string, Table[]> {
  const index = new Map<string, Table[]>();
  const add = (key: string, pkg: Table): void => {
    const list = index.get(key);
    if (list) list.push(pkg);
    else index.set(key, [pkg]);
  };
  for (const p of pkgs) {
    if (typeof p.name !== 'string') continue;
    add(p.name, p);
    if (typeof p.version === 'string') add(`${p.name}\0${p.version}`, p);
  }
  return index;
}

/**
 * Marks everything reachable from the `start` dependency entries through dependencies and optional
 * dependencies. Each key is expanded once, so a hostile lock with thousands of same-named packages
 * costs packages + edges, not their product.
 */
function reach(start: Table[], index: Map<string, Table[]>): Set<Table> {
  const seen = new Set<Table>();
  const expanded = new Set<string>();
  const queue: Table[] = [];
  const follow = (deps: Table[]): void => {
    for (const dep of deps) {
      const key = depKey(dep);
      if (key === undefined || expanded.has(key)) continue;
      expanded.add(key);
      for (const target of index.get(key) ?? []) if (!seen.has(target)) queue.push(target);
    }
  };
  follow(start);
  while (queue.length) {
    const pkg = queue.pop()!;
    if (seen.has(pkg)) continue;
    seen.add(pkg);
    follow(depEntries(pkg.dependencies));
    follow(depEntries(pkg['optional-dependencies']));
  }
  return seen;
}

/** Packages only the dev-dependencies (dependency groups) of the local projects pull in. */
function devOnly(pkgs: Table[]): Set<Table> {
  const index = indexPackages(pkgs);
  const roots = pkgs.filter(isLocalProject);
  const prod = reach(roots.flatMap((r) => [...depEntries(r.dependencies), ...depEntries(r['optional-dependencies'])]), index);
  const dev = reach(roots.flatMap((r) => depEntries(r['dev-dependencies'])), index);
  for (const p of prod) dev.delete(p);
  for (const r of roots) dev.delete(r);
  return dev;
}

function sourceOf(pkg: Table): Record<string, string> | undefined {
  if (!isTable(pkg.source)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pkg.source)) if (typeof v === 'string') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** Packages locked by a uv.lock, without the local projects; dev-only ones get scope 'dev'. */
export function parseUvLock(text: string): ParsedPackage[] {
  const pkgs = packageTables(parseTomlFile(text, 'uv.lock'), 'uv.lock');
  const dev = devOnly(pkgs);
  const out: ParsedPackage[] = [];
  for (const pkg of pkgs) {
    const { name, version } = pkg;
    if (isLocalProject(pkg) || !isPythonName(name) || !isPythonVersion(version)) continue;
    const metadata: Record<string, unknown> = {};
    if (dev.has(pkg)) metadata.scope = 'dev';
    const source = sourceOf(pkg);
    if (source) metadata.source = source;
    out.push(pythonPackage({ name, version, metadata }));
  }
  return out;
}
