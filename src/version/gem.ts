/**
 * RubyGems versions (Gem::Version).
 *
 * Grammar: Gem::Version::ANCHORED_VERSION_PATTERN — digits, then `.`-separated
 * alphanumeric segments, then an optional `-` pre-release part; surrounding whitespace
 * is ignored and an empty string means "0". Checked with a scanner, not the regex
 * (CVE-2013-4287 was a backtracking bug in that pattern).
 *
 * Ordering: Gem::Version#<=> with canonical segments. `-` becomes `.pre.`; the string
 * splits into runs of digits (integers) and letters (strings); trailing zeros are
 * dropped from the numeric release part and from the part after the first string
 * segment; then segments compare pairwise, a missing one counting as 0. A string
 * segment sorts before any number (so any letter marks a pre-release), strings compare
 * bytewise (case-sensitive), numbers by value.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isDigit } from './numeric.js';

const SCHEME = 'gem';
type Segment = { num: true; v: string } | { num: false; v: string };

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

/** Parses a gem version into canonical segments; throws VersionError if malformed. */
export function parseGem(input: string): Segment[] {
  checkBounded(SCHEME, input, true); // Gem::Version.new('') is version 0
  const v = input.replace(/^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g, '');
  if (v === '') return [];
  const dash = v.indexOf('-');
  const release = dash >= 0 ? v.slice(0, dash) : v;
  const pre = dash >= 0 ? v.slice(dash + 1) : null;
  const parts = release.split('.');
  if (!parts.every((p, i) => p !== '' && [...p].every(i === 0 ? isDigit : isAlnum))) {
    invalidVersion(SCHEME, input, 'malformed version number string');
  }
  if (pre !== null) {
    const ok = pre.split('.').every((p) => p !== '' && [...p].every((c) => c === '-' || isAlnum(c)));
    if (!ok) invalidVersion(SCHEME, input, 'malformed pre-release');
  }
  const text = pre === null ? release : `${release}.pre.${pre.replace(/-/g, '.pre.')}`;
  const segments: Segment[] = [];
  for (const m of text.matchAll(/[0-9]+|[a-zA-Z]+/g)) {
    segments.push(isDigit(m[0][0]) ? { num: true, v: m[0] } : { num: false, v: m[0] });
  }
  return canonical(segments);
}

function isZero(s: Segment): boolean {
  return s.num && /^0+$/.test(s.v);
}

/** Drops trailing zeros from the numeric head and from the tail after the first string. */
function canonical(segments: Segment[]): Segment[] {
  const split = segments.findIndex((s) => !s.num);
  const head = split < 0 ? segments : segments.slice(0, split);
  const tail = split < 0 ? [] : segments.slice(split);
  const trim = (list: Segment[]): Segment[] => {
    let end = list.length;
    while (end > 0 && isZero(list[end - 1])) end--;
    return list.slice(0, end);
  };
  return [...trim(head), ...trim(tail)];
}

const ZERO: Segment = { num: true, v: '0' };

/** Compares two gem versions like Gem::Version#<=>. */
export function compareGem(a: string, b: string): number {
  const x = parseGem(a);
  const y = parseGem(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i] ?? ZERO;
    const r = y[i] ?? ZERO;
    if (l.num !== r.num) return l.num ? 1 : -1;
    const c = l.num ? compareDigits(l.v, r.v) : compareStrings(l.v, r.v);
    if (c !== 0) return c;
  }
  return 0;
}

export function isValidGem(v: string): boolean {
  return accepts(() => parseGem(v));
}
