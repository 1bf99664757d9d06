/**
 * What the secret scanner never reads (skip rules) and what it reads but never reports (allow rules).
 * Policy (see README.md): skip what cannot hold a deployment secret or is third-party documentation and
 * test data; allow-list documented example values, template placeholders and test/fixture/example paths.
 */

/** Directories whose files are never read: documentation, locales, package databases, pseudo filesystems. */
const SKIP_DIRS = [
  '/proc/',
  '/sys/',
  '/dev/',
  '/usr/share/doc/',
  '/usr/share/man/',
  '/usr/share/info/',
  '/usr/share/locale/',
  '/usr/share/i18n/',
  '/usr/share/zoneinfo/',
  '/usr/share/mime/',
  '/usr/share/fonts/',
  '/usr/share/icons/',
  '/usr/share/common-licenses/',
  '/usr/share/X11/locale/',
  '/usr/lib/locale/',
  '/usr/include/',
  '/usr/share/lintian/',
  '/var/lib/dpkg/',
  '/var/lib/apt/lists/',
  '/var/cache/apt/',
  '/var/cache/debconf/',
  '/var/lib/rpm/',
  '/var/cache/dnf/',
  '/var/cache/yum/',
  '/lib/apk/db/',
  '/var/cache/apk/',
];

/** Extensions of binary, media and archive formats (a NUL sniff would reject most; this avoids reading them). */
const SKIP_EXT = new Set(
  (
    'png jpg jpeg gif bmp ico webp tif tiff svgz psd woff woff2 ttf otf eot pfb ' +
    'zip gz tgz bz2 xz zst lz4 7z rar jar war ear whl egg deb rpm apk ' +
    'so a o ko dll exe dylib class pyc pyo mo gmo db sqlite sqlite3 pdf ' +
    'mp3 mp4 ogg wav flac avi mov webm mkv'
  ).split(' '),
);

/** Paths of third-party code trees: their test/example folders are never read (vendor test keys abound). */
const THIRD_PARTY = /(?:^|\/)(?:node_modules|site-packages|dist-packages|vendor|gems|pkg\/mod)\/|^\/usr\/(?:lib|share|lib64|local\/lib)\/(?:python[0-9.]*|ruby|perl[0-9.]*|go[0-9.-]*|node|jvm)\//;

/** Folder names that mark test data, fixtures and examples. */
const TEST_SEGMENT = /\/(?:tests?|testdata|testing|__tests__|spec|specs|fixtures?|__fixtures__|examples?|samples?)\//i;

/** Docs and type declarations inside node_modules: large, full of sample credentials, never deployed secrets. */
const NODE_MODULES_DOCS = /\/node_modules\/.*\.(?:md|markdown|d\.ts|map)$/i;

/** True when the secret scanner should not read this file at all. */
export function skipPath(path: string): boolean {
  for (const d of SKIP_DIRS) if (path.startsWith(d)) return true;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot > 0 && SKIP_EXT.has(base.slice(dot + 1).toLowerCase())) return true;
  if (base === 'go.sum') return true;
  if (NODE_MODULES_DOCS.test(path)) return true;
  if (/^\/usr\/lib\/python[0-9.]*\/test\//.test(path)) return true;
  return THIRD_PARTY.test(path) && TEST_SEGMENT.test(path);
}

/** True for third-party code trees: node_modules, site-packages, vendor, /usr/lib/python3*… */
export function isThirdPartyPath(path: string): boolean {
  return THIRD_PARTY.test(path);
}

/** True when findings in this file are dropped: test, fixture and example folders (the peers do the same). */
export function isAllowedPath(path: string): boolean {
  return TEST_SEGMENT.test(path) || TEST_FILE.test(path);
}

/** Test files by name: x_test.go, test_x.py, x_test.py, x.test.ts, x.spec.js, XTest.java. */
const TEST_FILE = /\/(?:[^/]*_test\.(?:go|py|rb|exs?)|test_[^/]*\.py|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?|[^/]*Tests?\.(?:java|kt|cs))$/;

/** Words that mark documentation values and template placeholders. */
const PLACEHOLDER_WORDS = ['example', 'changeme', 'change_me', 'change-me', 'placeholder', 'your_', 'your-', 'yourpass', 'dummy', 'sample', 'redacted', 'xxxxx', '*****', '.....', 'notasecret', 'not-a-secret', 'insert', 'replace'];

/**
 * True for documented example values and template placeholders: AWS documentation keys (they end in
 * EXAMPLE / EXAMPLEKEY), ${VAR}, $VAR, {{ .Values.x }}, <token>, %(x)s, changeme, xxxx, one repeated character.
 */
export function isPlaceholder(value: string): boolean {
  if (value.includes('EXAMPLE')) return true;
  const v = value.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (v.includes(w)) return true;
  if (/^[$%@&]|\$\{|\$\(|\{\{|\}\}|<[^>]{0,60}>|%\(|%s/.test(value)) return true;
  if (/^(.)\1*$/.test(value)) return true;
  return false;
}

/**
 * A variable name that names a secret by its last word: db_password, API_KEY, clientSecret, GITHUB_TOKEN,
 * SECRET_KEY_BASE. Not: password_file, token_type, jmxremote.password.toHashes, Unexpected_token_1012.
 */
const SECRET_NAME_END = /(?:password|passwd|passphrase|secret|token|credentials?|(?:api|secret|access|private|auth|master|signing|encryption|client)key|secretkeybase)$/;

/** Source-code extensions: there a literal secret is a quoted string; an unquoted value is an expression. */
const CODE_EXT = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|groovy|php|cs|c|cc|cpp|h|hpp|rs|swift|pl|pm|lua|dart|ex|exs|erl|clj)$/i;

/** What the generic rule's validate sees. */
export interface AssignmentContext {
  key?: string;
  /** the opening quote of the value, when quoted */
  quote?: string;
  sep?: string;
  after: string;
  path?: string;
}

/**
 * The generic rule's last word: a name that ends in a secret word, and a literal value that is neither
 * code, a path, a placeholder nor prose ("passwd: elevated-privileges 4755 …": an unquoted value after a
 * colon that more words follow). In source code only quoted values count; a quoted value must end at its
 * closing quote (a quoted sentence is not a password).
 */
export function genericAssignmentOk(value: string, ctx: AssignmentContext): boolean {
  const name = (ctx.key ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!SECRET_NAME_END.test(name)) return false;
  if (ctx.quote) {
    if (!ctx.after.startsWith(ctx.quote)) return false;
  } else {
    if (ctx.path && CODE_EXT.test(ctx.path)) return false;
    if (ctx.sep === ':' && /^[ \t]+[^\s#]/.test(ctx.after)) return false;
  }
  if (value.length < 8 || isPlaceholder(value)) return false;
  // a value that repeats what it names is a placeholder: MYTOKEN1, mysecretpassword
  if (/password|passwd|secret|token/i.test(value)) return false;
  // code and references, not literals: calls, indexing, generics/markup, operators, attribute and file paths
  if (/[()[\]<>]/.test(value) || /^[!&|*?:=+#{]/.test(value)) return false;
  if (/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return false;
  if (/^(?:\.{0,2}\/|~\/|[a-z]+:\/\/)/i.test(value)) return false;
  // a bare word without digits or symbols is almost always an identifier
  if (/^[A-Za-z_]+$/.test(value)) return false;
  return true;
}
