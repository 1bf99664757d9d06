/**
 * The secret scanner: keyword prefilter (one case-insensitive pass over the text), then each rule's regex
 * on a capped window of the line around each keyword hit. Linear in the input: a window is at most
 * WINDOW_BACK + WINDOW_FWD characters, a rule never rescans what an earlier window of it covered, and the
 * number of windows per file is capped (MAX_CANDIDATES), so a hostile 5 MB single line stays fast.
 * Results are redacted here: the raw value never leaves this module except through matchSecrets (internal).
 */
import { isAllowedPath, isPlaceholder, isThirdPartyPath } from './allowlist.js';
import { shannonEntropy } from './entropy.js';
import { redact } from './redact.js';
import { builtinRules, type SecretRule, type SecretSeverity } from './rules.js';

/** Files above this many bytes are not scanned (documented default; analyzers pass it as maxSize). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A NUL byte in the first this-many bytes marks a file as binary. */
export const BINARY_SNIFF_BYTES = 8192;
/** A line longer than twice this is scanned in windows around keyword hits rather than whole. */
const MAX_LINE = 4096;
const WINDOW_BACK = 512;
const WINDOW_FWD = 4096;
const WINDOW_OVERLAP = 1536;
const MAX_CANDIDATES = 20_000;
const MAX_FINDINGS = 100;

/** One reported secret. `match` is redacted (at most the first 4 characters, then ****). */
export interface SecretFinding {
  ruleId: string;
  category: string;
  severity: SecretSeverity;
  title: string;
  path: string;
  /** 1-based line */
  line: number;
  /** redacted value, e.g. "ghp_****"; for private keys the PEM marker (the key body is never shown) */
  match: string;
  /** the variable name for assignment rules (DB_PASSWORD), which is not secret */
  key?: string;
  /** 0-based layer index (image scans) */
  layer?: number;
  /** the layer's created_by */
  layerCreatedBy?: string;
  /** this layer's version of the file is not in the final filesystem (a later layer deleted or replaced it) */
  deletedLater?: boolean;
}

/** A match with its raw value: internal to the secrets code (IMG-900 needs it to redact evidence). */
export interface RawSecretHit {
  rule: SecretRule;
  start: number;
  end: number;
  line: number;
  secret: string;
  key?: string;
}

export interface SecretScanOptions {
  rules?: SecretRule[];
  /** drop findings in test/fixture/example folders (default true) */
  allowlistPaths?: boolean;
  maxFindings?: number;
}

export interface SecretScanResult {
  findings: SecretFinding[];
  /** why the file was not scanned */
  skipped?: 'binary' | 'size' | 'path';
  warnings: string[];
}

interface Compiled {
  keywordRe: RegExp;
  byKeyword: Map<string, number[]>;
}

const compiledCache = new WeakMap<SecretRule[], Compiled>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regex for all keywords. Keywords that contain a shorter keyword are folded into it (the shorter one
 * triggers every rule of the longer), so overlapping keywords cannot hide each other.
 */
function compile(rules: SecretRule[]): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const all = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
  const minimal = all.filter((k) => !all.some((o) => o !== k && k.includes(o)));
  const byKeyword = new Map<string, number[]>();
  for (const k of minimal) {
    const idx: number[] = [];
    for (const [i, r] of rules.entries()) if (r.keywords.some((kw) => kw.toLowerCase().includes(k))) idx.push(i);
    byKeyword.set(k, idx);
  }
  minimal.sort((a, b) => b.length - a.length);
  const c = { keywordRe: new RegExp(minimal.map(escapeRe).join('|'), 'gi'), byKeyword };
  compiledCache.set(rules, c);
  return c;
}

/** True when the buffer has a NUL byte in its first BINARY_SNIFF_BYTES bytes. */
export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function findBack(text: string, pos: number, limit: number): number {
  const stop = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= stop; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return stop === 0 ? 0 : -1;
}

function findFwd(text: string, pos: number, limit: number): number {
  const stop = Math.min(text.length, pos + limit);
  for (let i = pos; i < stop; i++) if (text.charCodeAt(i) === 10) return i;
  return stop === text.length ? text.length : -1;
}

function trimValue(rule: SecretRule, secret: string): string {
  return rule.keyGroup ? secret.replace(/[,;)\]}>\\]+$/, '') : secret;
}

/** At most 400 characters of the rest of the line (bounded: never scans a long line to its end). */
function lineRest(text: string, end: number): string {
  const rest = text.slice(end, end + 400);
  const nl = rest.indexOf('\n');
  return nl === -1 ? rest : rest.slice(0, nl);
}

function acceptHit(rule: SecretRule, secret: string, g: Record<string, string | undefined>, text: string, end: number, path: string): boolean {
  if (!secret) return false;
  if (!rule.showMarker && isPlaceholder(secret)) return false;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.validate) {
    const ctx = { key: rule.keyGroup ? g[rule.keyGroup] : undefined, quote: g.q || undefined, sep: g.sep, after: lineRest(text, end), path };
    if (!rule.validate(secret, ctx)) return false;
  }
  if (rule.followedBy && !rule.followedBy.test(text.slice(end, end + 400))) return false;
  return true;
}

function runRule(rule: SecretRule, text: string, ws: number, we: number, out: RawSecretHit[], path: string): void {
  const re = rule.regex;
  const sub = text.slice(ws, we);
  re.lastIndex = 0;
  for (let m = re.exec(sub); m; m = re.exec(sub)) {
    if (m[0].length === 0) re.lastIndex++;
    const g = m.groups ?? {};
    const secret = trimValue(rule, g[rule.secretGroup] ?? '');
    const key = rule.keyGroup ? g[rule.keyGroup] : undefined;
    const start = ws + m.index;
    const end = start + m[0].length;
    if (acceptHit(rule, secret, g, text, end, path)) out.push({ rule, start, end, line: 0, secret, key });
  }
}

/** Keeps, among overlapping matches, the one of the earliest rule (specific before generic), then numbers lines. */
function resolveHits(rules: SecretRule[], text: string, hits: RawSecretHit[]): RawSecretHit[] {
  const order = new Map(rules.map((r, i) => [r, i] as const));
  hits.sort((a, b) => order.get(a.rule)! - order.get(b.rule)! || a.start - b.start);
  const kept: RawSecretHit[] = [];
  for (const h of hits) {
    if (kept.some((k) => h.start < k.end && k.start < h.end)) continue;
    kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);
  let line = 1;
  let at = 0;
  for (const h of kept) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < h.start; i = text.indexOf('\n', i + 1)) line++;
    at = h.start;
    h.line = line;
  }
  return kept;
}

/**
 * Finds secrets in text, with their raw values. Internal: callers outside src/secrets must use scanText
 * (redacted). `warnings` receives a note when the candidate cap truncated the scan.
 */
export function matchSecrets(text: string, rules: SecretRule[] = builtinRules, warnings: string[] = [], path = ''): RawSecretHit[] {
  const { keywordRe, byKeyword } = compile(rules);
  const thirdParty = Boolean(path) && isThirdPartyPath(path);
  // a skipped rule is "already scanned" to the end
  const scannedTo = rules.map((r) => (thirdParty && r.skipThirdParty ? Infinity : 0));
  const hits: RawSecretHit[] = [];
  let candidates = 0;
  keywordRe.lastIndex = 0;
  outer: for (let m = keywordRe.exec(text); m; m = keywordRe.exec(text)) {
    const pos = m.index;
    keywordRe.lastIndex = pos + 1;
    for (const ri of byKeyword.get(m[0].toLowerCase()) ?? []) {
      if (pos < scannedTo[ri]!) continue;
      if (++candidates > MAX_CANDIDATES) {
        warnings.push(`secret scan stopped after ${MAX_CANDIDATES} candidate windows (hostile or generated content?)`);
        break outer;
      }
      const ls = findBack(text, pos, MAX_LINE);
      const le = findFwd(text, pos, MAX_LINE);
      const ws = ls >= 0 ? ls : pos - WINDOW_BACK;
      const we = le >= 0 ? le : Math.min(text.length, pos + WINDOW_FWD);
      // the next window of this rule starts where this one stops covering (with overlap for a cut token)
      scannedTo[ri] = le >= 0 || we === text.length ? we + 1 : we - WINDOW_OVERLAP;
      runRule(rules[ri]!, text, ws, we, hits, path);
      if (hits.length > MAX_FINDINGS * 4) break outer;
    }
  }
  return resolveHits(rules, text, hits);
}

/** Turns a raw hit into a reported finding (redacted). */
export function toFinding(h: RawSecretHit, path: string): SecretFinding {
  const r = h.rule;
  const f: SecretFinding = { ruleId: r.id, category: r.category, severity: r.severity, title: r.title, path, line: h.line, match: r.showMarker ? `${h.secret} ****` : redact(h.secret) };
  if (h.key) f.key = h.key;
  return f;
}

/** Scans text (already decoded) and returns redacted findings. */
export function scanText(text: string, path = '', opts: SecretScanOptions = {}): SecretScanResult {
  const warnings: string[] = [];
  if ((opts.allowlistPaths ?? true) && path && isAllowedPath(path)) return { findings: [], skipped: 'path', warnings };
  const hits = matchSecrets(text, opts.rules ?? builtinRules, warnings, path);
  const max = opts.maxFindings ?? MAX_FINDINGS;
  if (hits.length > max) warnings.push(`${hits.length} secret findings, only the first ${max} reported`);
  return { findings: hits.slice(0, max).map((h) => toFinding(h, path)), warnings };
}

/** Scans file content: skips binaries (NUL in the first 8 KiB) and files above maxBytes (default 10 MiB). */
export function scanBuffer(buf: Buffer, path: string, opts: SecretScanOptions & { maxBytes?: number } = {}): SecretScanResult {
  if (buf.length > (opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES)) return { findings: [], skipped: 'size', warnings: [] };
  if (isBinary(buf)) return { findings: [], skipped: 'binary', warnings: [] };
  // latin1 keeps byte offsets and never fails on invalid UTF-8; every token format is ASCII
  return scanText(buf.toString('latin1'), path, opts);
}
