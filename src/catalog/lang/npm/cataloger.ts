/**
 * Node.js: installed packages (node_modules/<name>/package.json) and lockfiles (package-lock.json,
 * npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml). Two catalogers so that either can be selected alone.
 */
import { fileText } from '../../read-file.js';
import type { Cataloger, ParsedPackage, ParseResult } from '../../types.js';
import { MB } from '../../types.js';
import { parsePackageJson } from './parse-package-json.js';
import { parsePackageLock } from './parse-package-lock.js';

const PACKAGE_JSON = '/package.json';
const NODE_MODULES = '/node_modules/';

type LockParser = (text: string) => ParsedPackage[];

/** yarn and pnpm parsers pull in YAML libraries: loaded when such a lockfile is found, not at start-up. */
const LOCK_PARSERS = new Map<string, () => Promise<LockParser>>([
  ['package-lock.json', async () => parsePackageLock],
  ['npm-shrinkwrap.json', async () => parsePackageLock],
  ['yarn.lock', async () => (await import('./parse-yarn-lock.js')).parseYarnLock],
  ['pnpm-lock.yaml', async () => (await import('./parse-pnpm-lock.js')).parsePnpmLock],
]);

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * True for the package.json at the root of an installed package: node_modules/<name>/package.json or
 * node_modules/@scope/<name>/package.json (global installs such as /usr/local/lib/node_modules/npm
 * included). Files deeper inside a package (lib/package.json with {"type":"module"}) are not packages.
 */
export function isInstalledPackageJson(path: string): boolean {
  if (!path.endsWith(PACKAGE_JSON)) return false;
  const dir = path.slice(0, -PACKAGE_JSON.length);
  const parent = dir.slice(0, dir.lastIndexOf('/') + 1);
  if (parent.endsWith(NODE_MODULES)) return true;
  const scopeAt = parent.lastIndexOf('/', parent.length - 2);
  return parent[scopeAt + 1] === '@' && parent.slice(0, scopeAt + 1).endsWith(NODE_MODULES);
}

/** Installed npm packages, one per node_modules package.json. */
export const npmPackageCataloger: Cataloger = {
  name: 'javascript-package-cataloger',
  version: 1,
  packageTypes: ['npm'],
  maxSize: 4 * MB,
  wants: (path) => isInstalledPackageJson(path),
  async analyze(file): Promise<ParseResult> {
    return { packages: parsePackageJson(await fileText(file)) };
  },
};

/**
 * npm, yarn and pnpm lockfiles. Lockfiles inside node_modules (shipped by a dependency) describe
 * that dependency's development setup, not what is installed, and are skipped.
 */
export const npmLockCataloger: Cataloger = {
  name: 'javascript-lock-cataloger',
  version: 1,
  packageTypes: ['npm'],
  wants: (path) => LOCK_PARSERS.has(basename(path)) && !path.includes(NODE_MODULES),
  async analyze(file): Promise<ParseResult> {
    const load = LOCK_PARSERS.get(basename(file.path));
    return { packages: load ? (await load())(await fileText(file)) : [] };
  },
};
