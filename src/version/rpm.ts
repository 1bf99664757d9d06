/**
 * RPM versions: `[epoch:]version[-release]`, compared with rpmvercmp.
 *
 * Algorithm: rpm's rpmio/rpmvercmp.c, ported from its documented behaviour. Both strings
 * are walked as alternating runs of ASCII digits and ASCII letters; every other
 * character is a separator and is skipped. `~` sorts before anything (pre-release), `^`
 * sorts after the base version but before any further segment (post-release snapshot).
 * A numeric run beats an alphabetic one; numeric runs compare by value, alphabetic runs
 * with strcmp. If all runs tie, the string with something left over is newer.
 *
 * The EVR split follows rpm's parseEVR: the epoch is the leading digits when a colon
 * follows them (missing epoch = 0), the release is what follows the last hyphen. A
 * missing release compares as the empty string, so `1.0 < 1.0-1`; rpm's dependency
 * matcher instead skips the release when one side lacks it, which is a range question
 * for the caller, not an ordering.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isAsciiLetter, isDigit } from './numeric.js';

export interface RpmVersion {
  epoch: string;
  version: string;
  release: string;
}

const SCHEME = 'rpm';

/** Splits an EVR string; throws VersionError on empty input, whitespace or control characters. */
export function parseRpm(input: string): RpmVersion {
  checkBounded(SCHEME, input);
  // rpm forbids whitespace in versions; control characters have no business there either.
  if (/[\s\u0000-\u001f\u007f]/.test(input)) invalidVersion(SCHEME, input, 'whitespace or control character');
  let i = 0;
  while (isDigit(input[i])) i++;
  let epoch = '0';
  let rest = input;
  if (input[i] === ':') {
    epoch = i === 0 ? '0' : input.slice(0, i);
    rest = input.slice(i + 1);
  }
  const hyphen = rest.lastIndexOf('-');
  if (hyphen < 0) return { epoch, version: rest, release: '' };
  return { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) };
}

/** Compares two RPM EVR strings: epoch numerically, then version and release with rpmvercmp. */
export function compareRpm(a: string, b: string): number {
  const x = parseRpm(a);
  const y = parseRpm(b);
  return compareDigits(x.epoch, y.epoch) || rpmvercmp(x.version, y.version) || rpmvercmp(x.release, y.release);
}

/** True when the string is a usable EVR (rpmvercmp itself accepts any string). */
export function isValidRpm(v: string): boolean {
  return accepts(() => parseRpm(v));
}

function isSeparator(c: string): boolean {
  return !isDigit(c) && !isAsciiLetter(c) && c !== '~' && c !== '^';
}

/** rpmvercmp on one component (version or release); returns -1, 0 or 1. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && isSeparator(a[i])) i++;
    while (j < b.length && isSeparator(b[j])) j++;
    const ca = a[i];
    const cb = b[j];
    if (ca === '~' || cb === '~') {
      if (ca !== '~') return 1;
      if (cb !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === '^' || cb === '^') {
      if (ca === undefined) return -1;
      if (cb === undefined) return 1;
      if (ca !== '^') return 1;
      if (cb !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === undefined || cb === undefined) break;

    // Take one run of the same class from each side; the class is set by `a`.
    const numeric = isDigit(ca);
    const inRun = numeric ? isDigit : isAsciiLetter;
    const si = i;
    const sj = j;
    while (i < a.length && inRun(a[i])) i++;
    while (j < b.length && inRun(b[j])) j++;
    const ra = a.slice(si, i);
    const rb = b.slice(sj, j);
    // Different classes: a number is newer than letters.
    if (rb === '') return numeric ? 1 : -1;
    const cmp = numeric ? compareDigits(ra, rb) : compareStrings(ra, rb);
    if (cmp !== 0) return cmp;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}
