/**
 * Go module versions, as golang.org/x/mod/semver: `v` + SemVer 2.0.0, where `vMAJOR`
 * and `vMAJOR.MINOR` are shorthands for `.0` (without pre-release or build).
 *
 * Pseudo-versions (`v0.0.0-20210101000000-abcdef123456`, `v1.2.4-0.2021…-abc`) are
 * ordinary pre-releases and sort correctly with no special case; `+incompatible` is
 * build metadata and is ignored. OSV writes Go versions without the `v`, so a missing
 * `v` is added. x/mod's Compare treats every invalid string as lower than any valid one;
 * here an invalid version throws, so a matcher can skip it instead of matching it.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareSemver2, parseSemver2, type SemVer2 } from './semver2.js';

const SCHEME = 'go';

/** Parses a Go module version (with or without `v`); throws VersionError if invalid. */
export function parseGo(input: string): SemVer2 {
  checkBounded(SCHEME, input);
  const v = input.startsWith('v') ? input.slice(1) : input;
  const core = v.split(/[-+]/, 1)[0];
  const dots = core.split('.').length - 1;
  // Shorthand forms may not carry a pre-release or build suffix.
  let full = v;
  if (dots < 2) {
    if (core !== v) invalidVersion(SCHEME, input, 'shorthand version with suffix');
    full = dots === 0 ? `${v}.0.0` : `${v}.0`;
  }
  const parsed = parseSemver2(full);
  if (typeof parsed === 'string') invalidVersion(SCHEME, input, parsed);
  return parsed;
}

/** Compares two Go module versions by semver precedence. */
export function compareGo(a: string, b: string): number {
  return compareSemver2(parseGo(a), parseGo(b));
}

export function isValidGo(v: string): boolean {
  return accepts(() => parseGo(v));
}
