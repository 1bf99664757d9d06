/**
 * Strict SemVer 2.0.0 parsing and precedence (semver.org §2, §9–§11), shared by the
 * Go and Cargo comparators. Hand-written scanner, no regex: linear in the input.
 */

import { compareDigits, compareStrings, isAllDigits } from './numeric.js';

export interface SemVer2 {
  major: string;
  minor: string;
  patch: string;
  pre: string[];
  build: string[];
}

const IDENT = /^[0-9A-Za-z-]+$/;

/** A numeric field: digits, no leading zero unless it is exactly "0". */
function isNumericField(s: string): boolean {
  return isAllDigits(s) && (s.length === 1 || s[0] !== '0');
}

/** Parses `MAJOR.MINOR.PATCH[-pre][+build]`; returns a reason string when invalid. */
export function parseSemver2(v: string): SemVer2 | string {
  const plus = v.indexOf('+');
  const main = plus >= 0 ? v.slice(0, plus) : v;
  const build = plus >= 0 ? v.slice(plus + 1).split('.') : [];
  const dash = main.indexOf('-');
  const core = dash >= 0 ? main.slice(0, dash) : main;
  const pre = dash >= 0 ? main.slice(dash + 1).split('.') : [];
  const parts = core.split('.');
  if (parts.length !== 3) return 'needs MAJOR.MINOR.PATCH';
  for (const p of parts) if (!isNumericField(p)) return `bad number "${p}"`;
  for (const id of pre) {
    if (!IDENT.test(id)) return 'bad pre-release identifier';
    if (isAllDigits(id) && !isNumericField(id)) return 'leading zero in pre-release';
  }
  for (const id of build) if (!IDENT.test(id)) return 'bad build identifier';
  return { major: parts[0], minor: parts[1], patch: parts[2], pre, build };
}

/** SemVer 2.0.0 precedence; build metadata never matters. */
export function compareSemver2(a: SemVer2, b: SemVer2): number {
  return (
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch) ||
    comparePrerelease(a.pre, b.pre)
  );
}

/** §11.3–11.4: no pre-release beats any; identifiers compare numerically or in ASCII. */
export function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const xn = isAllDigits(x);
    const yn = isAllDigits(y);
    let c: number;
    if (xn && yn) c = compareDigits(x, y);
    else if (xn || yn) c = xn ? -1 : 1;
    else c = compareStrings(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
