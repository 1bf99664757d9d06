/**
 * Version comparison, one pure comparator per scheme (grype's version/ package shape).
 * This file is the only registry: a scheme is one row in COMPARATORS.
 *
 * compareVersions throws VersionError for a version its scheme rejects; callers that
 * match advisories should log and skip (or fall back to 'fuzzy' deliberately), never
 * guess.
 */

import { compareApk, isValidApk } from './apk.js';
import { compareCargo, isValidCargo } from './cargo.js';
import { compareComposer, isValidComposer } from './composer.js';
import { compareDpkg, isValidDpkg } from './dpkg.js';
import { VersionError } from './errors.js';
import { compareFuzzy, isValidFuzzy } from './fuzzy.js';
import { compareGem, isValidGem } from './gem.js';
import { compareGo, isValidGo } from './go.js';
import { compareMaven, isValidMaven } from './maven.js';
import { compareNpm, isValidNpm } from './npm.js';
import { sign } from './numeric.js';
import { compareNuGet, isValidNuGet } from './nuget.js';
import { comparePep440, isValidPep440 } from './pep440.js';
import { compareRpm, isValidRpm } from './rpm.js';

export type VersionScheme =
  | 'dpkg'
  | 'rpm'
  | 'apk'
  | 'npm'
  | 'pep440'
  | 'maven'
  | 'gem'
  | 'go'
  | 'cargo'
  | 'nuget'
  | 'composer'
  | 'fuzzy';

/** The contract every scheme file meets. */
export interface Comparator {
  compare(a: string, b: string): number;
  isValid(v: string): boolean;
}

export const COMPARATORS = {
  dpkg: { compare: compareDpkg, isValid: isValidDpkg },
  rpm: { compare: compareRpm, isValid: isValidRpm },
  apk: { compare: compareApk, isValid: isValidApk },
  npm: { compare: compareNpm, isValid: isValidNpm },
  pep440: { compare: comparePep440, isValid: isValidPep440 },
  maven: { compare: compareMaven, isValid: isValidMaven },
  gem: { compare: compareGem, isValid: isValidGem },
  go: { compare: compareGo, isValid: isValidGo },
  cargo: { compare: compareCargo, isValid: isValidCargo },
  nuget: { compare: compareNuGet, isValid: isValidNuGet },
  composer: { compare: compareComposer, isValid: isValidComposer },
  fuzzy: { compare: compareFuzzy, isValid: isValidFuzzy },
} as const satisfies Record<VersionScheme, Comparator>;

export const VERSION_SCHEMES = Object.keys(COMPARATORS) as VersionScheme[];

function comparatorFor(scheme: VersionScheme): Comparator {
  if (!Object.hasOwn(COMPARATORS, scheme)) {
    throw new VersionError('UNKNOWN_SCHEME', String(scheme), '', 'unknown version scheme');
  }
  return COMPARATORS[scheme];
}

/** Compares a and b under the scheme: -1, 0 or 1. Throws VersionError on invalid input. */
export function compareVersions(scheme: VersionScheme, a: string, b: string): number {
  return sign(comparatorFor(scheme).compare(a, b));
}

/** Whether the scheme accepts v (never throws for a known scheme). */
export function isValidVersion(scheme: VersionScheme, v: string): boolean {
  return comparatorFor(scheme).isValid(v);
}

export { schemeForEcosystem } from './ecosystem.js';
export { VersionError, isVersionError, MAX_VERSION_LENGTH, type VersionErrorCode } from './errors.js';
