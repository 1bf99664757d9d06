/**
 * Alpine (apk-tools) versions, also used by Wolfi and Chainguard:
 * `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}`.
 *
 * Algorithm: apk-tools 3 src/version.c (apk_version_compare), ported from its behaviour.
 * The string is read as a stream of typed tokens whose kinds may only move forward
 * through the grammar above, and both streams are compared token by token:
 * - numbers compare by value, except that a dotted component with a leading zero on
 *   either side compares as a string (Gentoo rule: `1.02 < 1.1`, `8.2.0015 < 8.2.002`);
 * - suffixes rank `_alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p`;
 * - a `~hash` compares as a string;
 * - when one stream stops first, the other is newer unless it goes on with a
 *   pre-release suffix; otherwise the later token kind in the grammar is older
 *   (so `1.0 < 1.0-r1`, and a valid tail beats an invalid one).
 *
 * Like apk, comparison never rejects a well-bounded string: an unparsable tail stops
 * the stream and the prefix decides (apk's test data has `1.0 < 1.0bc`). isValidApk
 * tells whether apk would accept the version. apk 2.x read a leading-zero component as
 * a negative count of zeros; every vector in its test/version.data agrees with the
 * apk 3 rule used here.
 */

import { accepts, checkBounded, invalidVersion } from './errors.js';
import { compareDigits, compareStrings } from './numeric.js';

// Token kinds in grammar order; the order is part of the comparison.
const INITIAL_DIGIT = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const COMMIT_HASH = 5;
const REVISION_NO = 6;
const END = 7;
const INVALID = 8;

/** Suffix ranks; "none" (5) is the pivot between pre- and post-release suffixes. */
const SUFFIX_RANK: Record<string, number> = {
  alpha: 1, beta: 2, pre: 3, rc: 4, cvs: 6, svn: 7, git: 8, hg: 9, p: 10,
};
const SUFFIX_NONE = 5;

const SCHEME = 'apk';

interface Token {
  kind: number;
  text: string;
  suffix: number;
}

/** Reads tokens from one version string. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  first(): Token {
    return this.digits(INITIAL_DIGIT);
  }

  /** The token after `prev`; kinds that may not follow `prev` make it INVALID. */
  next(prev: Token): Token {
    const s = this.s;
    if (this.pos >= s.length) return { kind: END, text: '', suffix: 0 };
    const c = s[this.pos];
    if (c >= 'a' && c <= 'z') {
      if (prev.kind > DIGIT) return invalid();
      this.pos++;
      return { kind: LETTER, text: c, suffix: 0 };
    }
    if (c === '.' || (c >= '0' && c <= '9')) {
      if (c === '.') {
        if (prev.kind > DIGIT) return invalid();
        this.pos++;
      }
      if (prev.kind === INITIAL_DIGIT || prev.kind === DIGIT) return this.digits(DIGIT);
      if (prev.kind === SUFFIX) return this.digits(SUFFIX_NO);
      return invalid();
    }
    if (c === '_') {
      if (prev.kind > SUFFIX_NO) return invalid();
      this.pos++;
      const text = this.run((ch) => ch >= 'a' && ch <= 'z');
      const rank = Object.hasOwn(SUFFIX_RANK, text) ? SUFFIX_RANK[text] : 0;
      return rank ? { kind: SUFFIX, text, suffix: rank } : invalid();
    }
    if (c === '~') {
      if (prev.kind >= COMMIT_HASH) return invalid();
      this.pos++;
      const text = this.run((ch) => /^[0-9a-fA-F]$/.test(ch));
      return text ? { kind: COMMIT_HASH, text, suffix: 0 } : invalid();
    }
    if (c === '-') {
      if (prev.kind >= REVISION_NO || s[this.pos + 1] !== 'r') return invalid();
      this.pos += 2;
      return this.digits(REVISION_NO);
    }
    return invalid();
  }

  private digits(kind: number): Token {
    const text = this.run((ch) => ch >= '0' && ch <= '9');
    return text ? { kind, text, suffix: 0 } : invalid();
  }

  private run(ok: (ch: string) => boolean): string {
    const start = this.pos;
    while (this.pos < this.s.length && ok(this.s[this.pos])) this.pos++;
    return this.s.slice(start, this.pos);
  }
}

function invalid(): Token {
  return { kind: INVALID, text: '', suffix: 0 };
}

/** Compares two tokens of the same kind. */
function compareTokens(a: Token, b: Token): number {
  switch (a.kind) {
    case DIGIT:
      if (a.text[0] === '0' || b.text[0] === '0') return compareStrings(a.text, b.text);
      return compareDigits(a.text, b.text);
    case INITIAL_DIGIT:
    case SUFFIX_NO:
    case REVISION_NO:
      return compareDigits(a.text, b.text);
    case SUFFIX:
      return a.suffix - b.suffix;
    default:
      return compareStrings(a.text, b.text);
  }
}

/** Compares two apk versions like `apk version -t`: negative, 0 or positive. */
export function compareApk(a: string, b: string): number {
  checkBounded(SCHEME, a);
  checkBounded(SCHEME, b);
  const la = new Lexer(a);
  const lb = new Lexer(b);
  let ta = la.first();
  let tb = lb.first();
  while (ta.kind === tb.kind && ta.kind < END) {
    const r = compareTokens(ta, tb);
    if (r !== 0) return r < 0 ? -1 : 1;
    ta = la.next(ta);
    tb = lb.next(tb);
  }
  if (ta.kind === tb.kind) return 0;
  if (ta.kind === SUFFIX && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.kind === SUFFIX && tb.suffix < SUFFIX_NONE) return 1;
  return ta.kind > tb.kind ? -1 : 1;
}

/** Throws VersionError unless apk would accept the version (apk_version_validate). */
export function validateApk(v: string): void {
  checkBounded(SCHEME, v);
  const lexer = new Lexer(v);
  let t = lexer.first();
  while (t.kind < END) t = lexer.next(t);
  if (t.kind !== END) invalidVersion(SCHEME, v, 'does not follow the apk version grammar');
}

/** True when apk-tools would accept the version. */
export function isValidApk(v: string): boolean {
  return accepts(() => validateApk(v));
}
