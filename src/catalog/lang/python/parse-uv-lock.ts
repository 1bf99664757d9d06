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

/** Marks everything reachable from `start` through dependencies and optional dependencies. */
function reach(start: Table[], byName: Map<string, Table[]>, seen: Set<Table>): void {
  const queue = [...start];
  while (queue.length) {
    const pkg = queue.pop()!;
    if (seen.has(pkg)) continue;
    seen.add(pkg);
    for (const dep of [...depEntries(pkg.dependencies), ...depEntries(pkg['optional-dependencies'])]) {
      for (const target of resolveDep(dep, byName)) if (!seen.has(target)) queue.push(target);
    }
  }
}

/** A dependency names a package, and a version when the lock holds several versions of it. */
function resolveDep(dep: Table, byName: Map<string, Table[]>): Table[] {
  const candidates = typeof dep.name === 'string' ? (byName.get(dep.name) ?? []) : [];
  return typeof dep.version === 'string' ? candidates.filter((c) => c.version === dep.version) : candidates;
}

/** Packages only the dev-dependencies (dependency groups) of the local projects pull in. */
function devOnly(pkgs: Table[]): Set<Table> {
  const byName = new Map<string, Table[]>();
  for (const p of pkgs) if (typeof p.name === 'string') byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const roots = pkgs.filter(isLocalProject);
  const prod = new Set<Table>();
  reach(roots, byName, prod);
  const devStart = roots.flatMap((r) => depEntries(r['dev-dependencies']).flatMap((d) => resolveDep(d, byName)));
  const dev = new Set<Table>();
  reach(devStart, byName, dev);
  for (const p of prod) dev.delete(p);
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
