/**
 * Cargo / crates.io versions: strict SemVer 2.0.0 as the Rust `semver` crate parses it
 * (three numeric fields each at most u64::MAX, no leading zeros, no `v` prefix).
 *
 * Precedence is SemVer 2.0.0 §11 and ignores build metadata. The crate's own `Ord`
 * breaks ties on build metadata; crates.io refuses to publish two versions that differ
 * only there, so for matching they are the same version.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits } from './numeric.js';
import { compareSemver2, parseSemver2, type SemVer2 } from './semver2.js';

const SCHEME = 'cargo';
const U64_MAX = '18446744073709551615';

/** Parses a Cargo version; throws VersionError when the semver crate would reject it. */
export function parseCargo(v: string): SemVer2 {
  checkBounded(SCHEME, v);
  const parsed = parseSemver2(v);
  if (typeof parsed === 'string') invalidVersion(SCHEME, v, parsed);
  for (const n of [parsed.major, parsed.minor, parsed.patch]) {
    if (compareDigits(n, U64_MAX) > 0) invalidVersion(SCHEME, v, 'number exceeds u64::MAX');
  }
  return parsed;
}

/** Compares two Cargo versions by SemVer precedence. */
export function compareCargo(a: string, b: string): number {
  return compareSemver2(parseCargo(a), parseCargo(b));
}

export function isValidCargo(v: string): boolean {
  return accepts(() => parseCargo(v));
}
