/**
 * NuGet versions (NuGet.Versioning.NuGetVersion with VersionComparer.Default).
 *
 * Grammar: one to four dot-separated non-negative int32 numbers (leading zeros allowed:
 * 1.022 is 1.22), then an optional `-` release label of dot-separated identifiers
 * [0-9A-Za-z-] (numeric ones without leading zeros), then optional `+` metadata.
 * Surrounding whitespace is ignored.
 *
 * Ordering: major, minor, patch, revision (missing = 0, so 1.0 == 1.0.0.0); then a
 * version without a release label is newer than one with; labels compare identifier by
 * identifier — numbers by value, numbers before words, words case-insensitively
 * (ordinal) — a shorter label first. Metadata is ignored.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isAllDigits } from './numeric.js';

export interface NuGetVersion {
  numbers: [string, string, string, string];
  release: string[];
}

const SCHEME = 'nuget';
const INT32_MAX = '2147483647';
const IDENT = /^[0-9A-Za-z-]+$/;

/** Parses a NuGet version; throws VersionError when NuGetVersion.Parse would throw. */
export function parseNuGet(input: string): NuGetVersion {
  checkBounded(SCHEME, input);
  const v = input.trim();
  const plus = v.indexOf('+');
  const main = plus >= 0 ? v.slice(0, plus) : v;
  if (plus >= 0 && !v.slice(plus + 1).split('.').every((id) => IDENT.test(id))) {
    invalidVersion(SCHEME, input, 'bad metadata');
  }
  const dash = main.indexOf('-');
  const core = dash >= 0 ? main.slice(0, dash) : main;
  const release = dash >= 0 ? main.slice(dash + 1).split('.') : [];
  const parts = core.split('.');
  if (parts.length < 1 || parts.length > 4) invalidVersion(SCHEME, input, 'needs one to four numbers');
  for (const p of parts) {
    if (!isAllDigits(p) || compareDigits(p, INT32_MAX) > 0) invalidVersion(SCHEME, input, `bad number "${p}"`);
  }
  for (const id of release) {
    if (!IDENT.test(id)) invalidVersion(SCHEME, input, 'bad release label');
    if (isAllDigits(id) && id.length > 1 && id[0] === '0') invalidVersion(SCHEME, input, 'leading zero in label');
  }
  const n = [...parts, '0', '0', '0'].slice(0, 4) as [string, string, string, string];
  return { numbers: n, release };
}

/** Compares two NuGet versions like VersionComparer.Default. */
export function compareNuGet(a: string, b: string): number {
  const x = parseNuGet(a);
  const y = parseNuGet(b);
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(x.numbers[i], y.numbers[i]);
    if (c !== 0) return c;
  }
  return compareRelease(x.release, y.release);
}

function compareRelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const an = isAllDigits(a[i]);
    const bn = isAllDigits(b[i]);
    let c: number;
    if (an && bn) c = compareDigits(a[i], b[i]);
    else if (an || bn) c = an ? -1 : 1;
    else c = compareStrings(a[i].toUpperCase(), b[i].toUpperCase());
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function isValidNuGet(v: string): boolean {
  return accepts(() => parseNuGet(v));
}
