/**
 * Maven versions, as org.apache.maven.artifact.versioning.ComparableVersion (Maven 3).
 *
 * Algorithm, ported from the class's documentation and behaviour: the lower-cased
 * string is split into items at `.`, at `-`, and at every switch between digits and
 * letters. `.` keeps items in the same list; `-` and a digit/letter switch open a
 * nested sub-list. Trailing "null" items (0, "", ga, final, release, empty lists) are
 * dropped from each list. Items compare as: number > sub-list > qualifier; numbers by
 * value; qualifiers in the order alpha < beta < milestone < rc = cr < snapshot <
 * "" = ga = final = release < sp < any other qualifier (others alphabetically).
 * `a`, `b`, `m` directly followed by a digit mean alpha, beta, milestone. A missing
 * item on one side compares as "null" (1 = 1.0 = 1-0, but 1-alpha < 1 < 1-sp).
 *
 * Any string is a Maven version; only empty or over-long input is rejected.
 */

import { accepts, checkBounded } from './errors.js';
import { compareDigits, compareStrings, isDigit } from './numeric.js';

type Item = { kind: 'int'; value: string } | { kind: 'str'; value: string } | { kind: 'list'; items: Item[] };

const SCHEME = 'maven';
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };

function intItem(digits: string): Item {
  let i = 0;
  while (i < digits.length - 1 && digits[i] === '0') i++;
  return { kind: 'int', value: digits.slice(i) };
}

function strItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) {
    if (v === 'a') v = 'alpha';
    else if (v === 'b') v = 'beta';
    else if (v === 'm') v = 'milestone';
  }
  return { kind: 'str', value: Object.hasOwn(ALIASES, v) ? ALIASES[v] : v };
}

/** Parses a Maven version into ComparableVersion's item tree (root list). */
export function parseMaven(input: string): Item[] {
  checkBounded(SCHEME, input);
  const v = input.toLowerCase();
  const root: Item[] = [];
  const lists: Item[][] = [root];
  let list = root;
  let start = 0;
  let inDigits = false;
  const open = (): void => {
    const sub: Item[] = [];
    list.push({ kind: 'list', items: sub });
    lists.push(sub);
    list = sub;
  };
  const parseItem = (end: number): Item => (inDigits ? intItem(v.slice(start, end)) : strItem(v.slice(start, end), false));

  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '.' || c === '-') {
      list.push(i === start ? intItem('0') : parseItem(i));
      start = i + 1;
      if (c === '-') open();
    } else if (isDigit(c)) {
      if (!inDigits && i > start) {
        list.push(strItem(v.slice(start, i), true));
        start = i;
        open();
      }
      inDigits = true;
    } else {
      if (inDigits && i > start) {
        list.push(parseItem(i));
        start = i;
        open();
      }
      inDigits = false;
    }
  }
  if (v.length > start) list.push(parseItem(v.length));
  for (const l of lists.reverse()) normalize(l);
  return root;
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === '0';
  if (item.kind === 'str') return item.value === '';
  return item.items.length === 0;
}

/** Drops trailing null items, looking through (but keeping) trailing sub-lists. */
function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    if (isNull(list[i])) list.splice(i, 1);
    else if (list[i].kind !== 'list') break;
  }
}

function qualifierKey(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i >= 0 ? String(i) : `${QUALIFIERS.length}-${q}`;
}

const RELEASE_KEY = qualifierKey('');

/** Compares an item with another item, or with "nothing" (null). */
function compareItem(a: Item, b: Item | null): number {
  if (a.kind === 'int') {
    if (b === null) return a.value === '0' ? 0 : 1;
    return b.kind === 'int' ? compareDigits(a.value, b.value) : 1;
  }
  if (a.kind === 'str') {
    if (b === null) return compareStrings(qualifierKey(a.value), RELEASE_KEY);
    if (b.kind === 'str') return compareStrings(qualifierKey(a.value), qualifierKey(b.value));
    return -1;
  }
  if (b === null) {
    for (const item of a.items) {
      const c = compareItem(item, null);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (b.kind === 'int') return -1;
  if (b.kind === 'str') return 1;
  return compareLists(a.items, b.items);
}

function compareLists(a: Item[], b: Item[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const c = x === undefined ? (y === undefined ? 0 : -compareItem(y, null)) : compareItem(x, y ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

/** Compares two Maven versions like ComparableVersion.compareTo. */
export function compareMaven(a: string, b: string): number {
  return compareLists(parseMaven(a), parseMaven(b));
}

/** Every non-empty string up to the length bound is a Maven version. */
export function isValidMaven(v: string): boolean {
  return accepts(() => parseMaven(v));
}
