/**
 * The module info text a Go binary carries (what `go version -m` prints):
 *   path  <main package>        mod <path> <version> <sum>      dep <path> <version> <sum>
 *   =>    <replacement of the line above>                        build <key>=<value>
 * Fields are tab-separated; build keys/values containing spaces, quotes or '=' are Go-quoted.
 */

export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  /** the `=>` line following this module, if it was replaced */
  replace?: GoModule;
}

export interface ModInfo {
  /** main package import path ("path" line) */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  /** build settings in order of appearance: -ldflags, GOOS, GOARCH, CGO_ENABLED, vcs.revision … */
  settings: Record<string, string>;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Reads a Go double-quoted string starting at s[at] === '"'; returns its value and the index after it. */
export function unquoteGo(s: string, at: number): { value: string; next: number } {
  let out = '';
  let i = at + 1;
  while (i < s.length && s[i] !== '"') {
    if (s[i] !== '\\') {
      out += s[i++];
      continue;
    }
    const c = s[i + 1] ?? '';
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hex) {
      const code = parseInt(s.slice(i + 2, i + 2 + hex), 16);
      out += Number.isNaN(code) || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
      i += 2 + hex;
    } else {
      out += ESCAPES[c] ?? c;
      i += 2;
    }
  }
  return { value: out, next: i + 1 };
}

function parseSetting(rest: string): [string, string] | undefined {
  let key: string;
  let i: number;
  if (rest.startsWith('"')) {
    const q = unquoteGo(rest, 0);
    key = q.value;
    i = q.next;
  } else {
    i = rest.indexOf('=');
    if (i < 0) return undefined;
    key = rest.slice(0, i);
  }
  if (rest[i] !== '=') return undefined;
  const raw = rest.slice(i + 1);
  return [key, raw.startsWith('"') ? unquoteGo(raw, 0).value : raw];
}

function moduleOf(fields: string[]): GoModule | undefined {
  const [path, version = '', sum] = fields;
  if (!path) return undefined;
  return sum ? { path, version, sum } : { path, version };
}

/** Parses module info text into the main module, dependencies (with replacements) and build settings. */
export function parseModInfo(text: string): ModInfo {
  const info: ModInfo = { deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const kind = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (kind === 'path') info.path = rest;
    else if (kind === 'mod' || kind === 'dep') {
      last = moduleOf(rest.split('\t'));
      if (!last) continue;
      if (kind === 'mod') info.main = last;
      else info.deps.push(last);
    } else if (kind === '=>') {
      const rep = moduleOf(rest.split('\t'));
      if (last && rep) last.replace = rep;
      last = undefined;
    } else if (kind === 'build') {
      const kv = parseSetting(rest);
      if (kv && kv[0] !== '__proto__') info.settings[kv[0]] = kv[1];
    }
  }
  return info;
}
