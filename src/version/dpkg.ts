/**
 * Debian package versions: `[epoch:]upstream_version[-debian_revision]`.
 *
 * Algorithm: Debian Policy §5.6.12 and dpkg's lib/dpkg/version.c (verrevcmp), ported
 * from the description, not the code. Each part is compared as alternating runs of
 * non-digits and digits. In a non-digit run, `~` sorts before everything (even the end
 * of the string), then the end of the string, then letters, then all other characters;
 * digit runs compare numerically.
 *
 * Parsing follows dpkg's parseversion(): things dpkg rejects as errors (empty version,
 * bad or huge epoch, empty upstream, embedded spaces) make compareDpkg throw; things
 * dpkg only warns about (upstream not starting with a digit, stray characters) are still
 * compared, exactly as dpkg --compare-versions does, but isValidDpkg reports false.
 */

import { checkBounded, accepts, invalidVersion } from './errors.js';
import { sign } from './numeric.js';

export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
  /** false when dpkg would warn about the syntax (see isValidDpkg) */
  strict: boolean;
}

const SCHEME = 'dpkg';
const MAX_EPOCH = 2147483647; // dpkg stores the epoch in an int

/** Parses a Debian version; throws VersionError where dpkg's parser reports an error. */
export function parseDpkg(input: string): DpkgVersion {
  checkBounded(SCHEME, input);
  const v = input.trim();
  if (v === '') invalidVersion(SCHEME, input, 'empty');
  if (/\s/.test(v)) invalidVersion(SCHEME, input, 'embedded whitespace');

  let epoch = 0;
  let rest = v;
  const colon = v.indexOf(':');
  if (colon >= 0) {
    const e = v.slice(0, colon);
    if (!/^[0-9]+$/.test(e)) invalidVersion(SCHEME, input, 'epoch is not a number');
    epoch = Number(e);
    if (!(epoch <= MAX_EPOCH)) invalidVersion(SCHEME, input, 'epoch is too big');
    rest = v.slice(colon + 1);
    if (rest === '') invalidVersion(SCHEME, input, 'nothing after colon');
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (upstream === '') invalidVersion(SCHEME, input, 'empty upstream version');

  const strict =
    /^[0-9]/.test(upstream) &&
    /^[A-Za-z0-9.+~:-]*$/.test(upstream) &&
    /^[A-Za-z0-9.+~]*$/.test(revision);
  return { epoch, upstream, revision, strict };
}

/** Compares two Debian versions: negative, 0 or positive, as `dpkg --compare-versions`. */
export function compareDpkg(a: string, b: string): number {
  const x = parseDpkg(a);
  const y = parseDpkg(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  return sign(verrevcmp(x.upstream, y.upstream)) || sign(verrevcmp(x.revision, y.revision));
}

/** True when dpkg accepts the version without errors or warnings (Policy §5.6.12). */
export function isValidDpkg(v: string): boolean {
  let ok = false;
  return accepts(() => (ok = parseDpkg(v).strict)) && ok;
}

/** Weight of one character inside a non-digit run; digits and end-of-string weigh 0. */
function weight(c: string | undefined): number {
  if (c === undefined || (c >= '0' && c <= '9')) return 0;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Compares one version part (upstream or revision) the Debian way. */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Non-digit run: compare character weights until both sides reach a digit or the end.
    while ((i < a.length && !isDigitAt(a, i)) || (j < b.length && !isDigitAt(b, j))) {
      const wa = weight(a[i]);
      const wb = weight(b[j]);
      if (wa !== wb) return wa - wb;
      i++;
      j++;
    }
    // Digit run: skip leading zeros, then the first differing digit decides unless one
    // run is longer.
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDiff = 0;
    while (isDigitAt(a, i) && isDigitAt(b, j)) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigitAt(a, i)) return 1;
    if (isDigitAt(b, j)) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}
