/**
 * Explicit fallback for ecosystems without a known scheme (git tags, OSS-Fuzz, CRAN,
 * Hackage, unknown distros). APPROXIMATE by design — prefer a real scheme; grype keeps
 * the same kind of fuzzy comparator for the same reason.
 *
 * Rules: a leading `v` is dropped; the string splits into runs of digits and runs of
 * letters, everything else separates; digit runs compare by value, letter runs
 * case-insensitively, a number beats a word at the same position. When one side runs
 * out, remaining zeros are ignored (1.0 == 1.0.0), a remaining number means newer
 * (1.0.1 > 1.0) and a remaining word means older (1.0rc1 < 1.0: words after the
 * shared prefix are treated as pre-release tags). Never throws on bounded input that
 * contains at least one letter or digit.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isDigit } from './numeric.js';

const SCHEME = 'fuzzy';

/** Splits into digit and letter runs; throws VersionError if there are none. */
export function parseFuzzy(input: string): string[] {
  checkBounded(SCHEME, input);
  const v = input.trim().replace(/^[vV](?=\d)/, '').toLowerCase();
  const runs = v.match(/[0-9]+|[a-z]+/g) ?? [];
  if (runs.length === 0) invalidVersion(SCHEME, input, 'no digits or letters');
  return runs;
}

/** Approximate comparison; see the module comment for its rules. */
export function compareFuzzy(a: string, b: string): number {
  const x = parseFuzzy(a);
  const y = parseFuzzy(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xn = isDigit(x[i][0]);
    const yn = isDigit(y[i][0]);
    let c: number;
    if (xn && yn) c = compareDigits(x[i], y[i]);
    else if (xn || yn) c = xn ? 1 : -1;
    else c = compareStrings(x[i], y[i]);
    if (c !== 0) return c;
  }
  return tail(x.slice(n)) - tail(y.slice(n));
}

/** Weight of the leftover runs: 1 if they add a non-zero number, -1 if a word, else 0. */
function tail(rest: string[]): number {
  for (const r of rest) {
    if (!isDigit(r[0])) return -1;
    if (/[1-9]/.test(r)) return 1;
  }
  return 0;
}

export function isValidFuzzy(v: string): boolean {
  return accepts(() => parseFuzzy(v));
}
