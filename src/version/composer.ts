/**
 * Composer / Packagist versions.
 *
 * Normalisation: composer/semver VersionParser::normalize, ported from its documented
 * behaviour and tests: trim, drop `as` aliases, `@stability` flags and `+build`
 * metadata, strip a `v`, pad to four numbers (1.0 -> 1.0.0.0), read date versions
 * (2010-01-02 -> 2010.01.02), and spell stabilities out: a/alpha -> alpha,
 * b/beta -> beta, RC, p/pl/patch -> patch, plus `-dev`. `dev-*` names, and
 * master/trunk/default, are branches; `1.x-dev` becomes 1.9999999.9999999.9999999-dev.
 *
 * Ordering: PHP's version_compare() on the normalised strings (what Composer's
 * Comparator uses): `-`, `_`, `+` and digit/letter switches become dots; parts compare
 * numerically, or by the special order anything-else < dev < alpha = a < beta = b <
 * RC = rc < (number) < pl = p (patch), matched by prefix. Composer calls two different
 * branches incomparable (neither <, = nor >); here they order by name so sorting stays
 * total, and a branch sorts below every numbered version, as in Composer.
 *
 * The regular expressions are composer's minus its possessive quantifiers, rewritten so
 * no repetition is ambiguous; inputs are bounded.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings, isDigit, sign } from './numeric.js';

const SCHEME = 'composer';

const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+(?:[.-]\\d+)*)?))?([.-]?dev)?';
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');
const BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/;

function expandStability(s: string): string {
  const l = s.toLowerCase();
  if (l === 'a' || l === 'alpha') return 'alpha';
  if (l === 'b' || l === 'beta') return 'beta';
  if (l === 'p' || l === 'pl' || l === 'patch') return 'patch';
  if (l === 'rc') return 'RC';
  return l;
}

/** VersionParser::normalizeBranch: numeric branches become x.9999999…-dev, others dev-NAME. */
export function normalizeComposerBranch(name: string): string {
  const n = name.trim();
  const m = BRANCH.exec(n);
  if (!m) return `dev-${n}`;
  let v = '';
  for (let i = 1; i <= 4; i++) v += m[i] ?? '.x';
  return `${v.replace(/[xX*]/g, '9999999')}-dev`;
}

/** VersionParser::normalize; throws VersionError where Composer throws UnexpectedValueException. */
export function normalizeComposer(input: string): string {
  checkBounded(SCHEME, input);
  let v = input.trim();
  const alias = /^([^,\s]+) +as +[^,\s]+$/.exec(v);
  if (alias) v = alias[1];
  v = v.replace(/@(?:stable|RC|beta|alpha|dev)$/i, '');
  if (v === 'master' || v === 'trunk' || v === 'default') v = `dev-${v}`;
  if (v.toLowerCase().startsWith('dev-')) return `dev-${v.slice(4)}`;
  const build = /^([^,\s+]+)\+\S+$/.exec(v);
  if (build) v = build[1];

  let m = CLASSICAL.exec(v);
  let version = '';
  let at = 0;
  if (m) {
    version = m[1] + (m[2] ?? '.0') + (m[3] ?? '.0') + (m[4] ?? '.0');
    at = 5;
  } else if ((m = DATE.exec(v))) {
    version = m[1].replace(/\D/g, '.');
    at = 2;
  }
  if (m) {
    const stability = m[at];
    if (stability) {
      if (stability.toLowerCase() === 'stable') return version;
      version += `-${expandStability(stability)}${(m[at + 1] ?? '').replace(/^[.-]+/, '')}`;
    }
    if (m[at + 2]) version += '-dev';
    return version;
  }
  const dev = /^(.*?)[.-]?dev$/i.exec(v);
  if (dev) {
    const branch = normalizeComposerBranch(dev[1]);
    if (!branch.startsWith('dev-')) return branch;
  }
  return invalidVersion(SCHEME, input, 'not a Composer version');
}

/** Compares two Composer versions after normalisation. */
export function compareComposer(a: string, b: string): number {
  const x = normalizeComposer(a);
  const y = normalizeComposer(b);
  if (x.startsWith('dev-') && y.startsWith('dev-')) return compareStrings(x, y);
  return phpVersionCompare(x, y);
}

export function isValidComposer(v: string): boolean {
  return accepts(() => normalizeComposer(v));
}

// ---- PHP version_compare() ----

const SPECIAL_FORMS: [string, number][] = [
  ['dev', 0], ['alpha', 1], ['a', 1], ['beta', 2], ['b', 2], ['RC', 3], ['rc', 3], ['#', 4], ['pl', 5], ['p', 5],
];

function specialOrder(part: string): number {
  for (const [prefix, order] of SPECIAL_FORMS) if (part.startsWith(prefix)) return order;
  return -6;
}

const NUMBER_ORDER = 4;

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

/** php_canonicalize_version: separators to dots, a dot at each digit/non-digit switch. */
function canonicalize(v: string): string[] {
  let out = v[0] ?? '';
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    const prev = v[i - 1];
    const dot = (): void => {
      if (!out.endsWith('.')) out += '.';
    };
    const switched = (prev !== '.' && c !== '.' && isDigit(prev) !== isDigit(c));
    if (c === '-' || c === '_' || c === '+') dot();
    else if (switched) {
      dot();
      out += c;
    } else if (!isAlnum(c)) dot();
    else out += c;
  }
  return out.split('.');
}

/** PHP's version_compare() result for two strings: -1, 0 or 1. */
export function phpVersionCompare(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  const x = canonicalize(a);
  const y = canonicalize(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    const q = y[i];
    const pn = isDigit(p[0]);
    const qn = isDigit(q[0]);
    let c: number;
    if (pn && qn) c = compareDigits(leadingDigits(p), leadingDigits(q));
    else if (!pn && !qn) c = sign(specialOrder(p) - specialOrder(q));
    else c = pn ? sign(NUMBER_ORDER - specialOrder(q)) : sign(specialOrder(p) - NUMBER_ORDER);
    if (c !== 0) return c;
  }
  // The longer one decides: an extra number is newer, an extra word is weighed
  // against "a number" (so -dev, -beta, -RC are older and -patch newer).
  if (x.length > n) return isDigit(x[n][0]) ? 1 : sign(specialOrder(x[n]) - NUMBER_ORDER);
  if (y.length > n) return isDigit(y[n][0]) ? -1 : sign(NUMBER_ORDER - specialOrder(y[n]));
  return 0;
}

function leadingDigits(s: string): string {
  let i = 0;
  while (i < s.length && isDigit(s[i])) i++;
  return s.slice(0, i);
}
