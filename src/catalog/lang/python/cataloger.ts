/**
 * Python: installed distributions (dist-info / egg-info metadata) and the lockfiles and pins of
 * poetry, pipenv, pip and uv. Two catalogers, so a scan can pick installed packages, declared
 * ones, or both.
 */
import { posix } from 'node:path';
import { MB, type Cataloger, type ParseResult, type ParsedPackage } from '../../types.js';
import { parsePythonMetadata } from './parse-metadata.js';
import { parsePipfileLock } from './parse-pipfile-lock.js';
import { parseRequirements } from './parse-requirements.js';
import { readText } from './read-file.js';

/** Header blocks are a few KiB; the long description after them can be large and is not needed. */
const METADATA_HEAD = 1 * MB;

/** True for the metadata file of an installed distribution. */
export function isInstalledMetadata(path: string): boolean {
  return (
    path.endsWith('.dist-info/METADATA') ||
    path.endsWith('.egg-info/PKG-INFO') ||
    path.endsWith('/EGG-INFO/PKG-INFO') ||
    path.endsWith('.egg-info') // a bare file, as distutils and some Debian packages install it
  );
}

export const pythonInstalledCataloger: Cataloger = {
  name: 'python-installed-package-cataloger',
  version: 1,
  packageTypes: ['pypi'],
  wants: (path) => isInstalledMetadata(path),
  async analyze(file): Promise<ParseResult> {
    return { packages: parsePythonMetadata(await readText(file, METADATA_HEAD)) };
  },
};

type Parser = (text: string) => ParsedPackage[];

/** The lockfile parser for a file name, if any. The TOML ones (and their parser library) load on first use. */
export async function lockParserFor(path: string): Promise<Parser | undefined> {
  const base = posix.basename(path);
  if (base === 'poetry.lock') return (await import('./parse-poetry-lock.js')).parsePoetryLock;
  if (base === 'Pipfile.lock') return parsePipfileLock;
  if (base === 'uv.lock') return (await import('./parse-uv-lock.js')).parseUvLock;
  // requirements.txt, requirements-dev.txt, dev-requirements.txt (not requirements/prod.txt)
  if (base.endsWith('.txt') && base.includes('requirements')) return parseRequirements;
  return undefined;
}

export const pythonLockCataloger: Cataloger = {
  name: 'python-package-cataloger',
  version: 1,
  packageTypes: ['pypi'],
  maxSize: 32 * MB,
  wants(path) {
    if (path.endsWith('.lock')) return path.endsWith('/poetry.lock') || path.endsWith('/Pipfile.lock') || path.endsWith('/uv.lock');
    return path.endsWith('.txt') && posix.basename(path).includes('requirements');
  },
  async analyze(file): Promise<ParseResult | null> {
    const parse = await lockParserFor(file.path);
    if (!parse) return null;
    return { packages: parse(await readText(file)) };
  },
};
