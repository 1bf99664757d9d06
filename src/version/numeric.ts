/**
 * Helpers shared by the comparators. Numbers inside versions are compared as digit
 * strings (strip leading zeros, then longer is larger, then lexicographic), never via
 * Number or parseInt, so "20191002222144" or a 40-digit run compares exactly and cannot
 * overflow; every upstream that uses bignums or length-then-strcmp agrees with this.
 */

/** Compares two runs of ASCII digits by numeric value. */
export function compareDigits(a: string, b: string): number {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function stripZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return s.slice(i);
}

/** Ordinal (code unit) comparison, like C strcmp on ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Clamps any number to -1, 0 or 1. */
export function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (!isDigit(c)) return false;
  return true;
}
