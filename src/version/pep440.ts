/**
 * Python versions, PEP 440 (packaging.version.Version).
 *
 * Grammar: the canonical regular expression from PEP 440 Appendix B, applied to the
 * trimmed, lower-cased string. It has no nested unbounded repetition, and inputs are
 * bounded, so matching stays linear in practice.
 *
 * Ordering: pypa/packaging's sort key, ported from its description: epoch, release
 * (trailing zeros ignored), pre-release (a < b < rc; a dev-only release sorts before
 * every pre-release of the same version; a final release after all of them), post
 * release (absent sorts first), dev release (absent sorts last), local version (absent
 * sorts first; segments compare numerically when numeric, alphabetic segments sort
 * before numeric ones, a shorter prefix first). Spellings are normalised first:
 * alpha→a, beta→b, c/pre/preview→rc, rev/r→post, "1.0-5"→post 5.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isAllDigits } from './numeric.js';

export interface Pep440Version {
  epoch: string;
  release: string[];
  /** [rank, number]: rank 0 = a, 1 = b, 2 = rc; null when absent */
  pre: [number, string] | null;
  post: string | null;
  dev: string | null;
  local: string[] | null;
}

const SCHEME = 'pep440';

const PATTERN = new RegExp(
  '^v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?' +
    '(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
);

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

/** Parses a PEP 440 version; throws VersionError when packaging would raise InvalidVersion. */
export function parsePep440(input: string): Pep440Version {
  checkBounded(SCHEME, input);
  const m = PATTERN.exec(input.trim().toLowerCase());
  const g = m?.groups;
  if (!g) return invalidVersion(SCHEME, input, 'not a PEP 440 version');
  return {
    epoch: g.epoch ?? '0',
    release: g.release.split('.'),
    pre: g.preL ? [PRE_RANK[g.preL], g.preN ?? '0'] : null,
    post: g.post ? (g.postN1 ?? g.postN2 ?? '0') : null,
    dev: g.dev ? (g.devN ?? '0') : null,
    local: g.local ? g.local.split(/[-_.]/) : null,
  };
}

/** Compares two PEP 440 versions: negative, 0 or positive. */
export function comparePep440(a: string, b: string): number {
  const x = parsePep440(a);
  const y = parsePep440(b);
  return (
    compareDigits(x.epoch, y.epoch) ||
    compareRelease(x.release, y.release) ||
    comparePre(x, y) ||
    compareOptional(x.post, y.post, -1) ||
    compareOptional(x.dev, y.dev, 1) ||
    compareLocal(x.local, y.local)
  );
}

export function isValidPep440(v: string): boolean {
  return accepts(() => parsePep440(v));
}

function compareRelease(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

/** Pre-release slot: dev-only sorts lowest (-1), a real pre-release by (rank, n), none highest. */
function preKey(v: Pep440Version): [number, string] {
  if (v.pre) return v.pre;
  if (v.post === null && v.dev !== null) return [-1, '0'];
  return [3, '0'];
}

function comparePre(x: Pep440Version, y: Pep440Version): number {
  const [ra, na] = preKey(x);
  const [rb, nb] = preKey(y);
  return ra !== rb ? (ra < rb ? -1 : 1) : compareDigits(na, nb);
}

/** Compares optional numbers; `absent` is where a missing one sorts (-1 first, 1 last). */
function compareOptional(a: string | null, b: string | null, absent: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? absent : -absent;
  return compareDigits(a, b);
}

function compareLocal(a: string[] | null, b: string[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const an = isAllDigits(a[i]);
    const bn = isAllDigits(b[i]);
    let c: number;
    if (an && bn) c = compareDigits(a[i], b[i]);
    else if (an || bn) c = an ? 1 : -1;
    else c = compareStrings(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
