/**
 * npm versions, compared by node-semver itself (the `semver` package npm uses), with
 * `loose` off: anything npm would not publish throws. Build metadata is ignored, as in
 * node-semver's compare().
 */

import { SemVer } from 'semver';
import { accepts, checkBounded, invalidVersion } from './errors.js';

const SCHEME = 'npm';

/** Parses with node-semver (strict); throws VersionError on anything it rejects. */
export function parseNpm(v: string): SemVer {
  checkBounded(SCHEME, v);
  try {
    return new SemVer(v, { loose: false });
  } catch (err) {
    return invalidVersion(SCHEME, v, err instanceof Error ? err.message : 'rejected by node-semver');
  }
}

/** Compares two npm versions with node-semver's precedence. */
export function compareNpm(a: string, b: string): number {
  return parseNpm(a).compare(parseNpm(b));
}

export function isValidNpm(v: string): boolean {
  return accepts(() => parseNpm(v));
}
