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
  return TEST_SEGMENT.test(path);
}

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

/** Parts of a variable name that say the value is not the secret itself (a path, a name, a URL…). */
const NOT_SECRET_KEY_SUFFIX = /(?:file|path|dir|url|uri|endpoint|name|type|length|len|size|format|prompt|label|field|env|var|ref|header|policy|hash|id|count|min|max|enabled|required|regex|pattern|mode|method)$/i;
const SECRET_KEY_WORD = /password|passwd|passphrase|secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key/i;

/**
 * The generic rule's last word: a secret-like name and a value that is neither code, a path, a
 * placeholder nor prose ("passwd: elevated-privileges 4755 …": an unquoted value after a colon that
 * more words follow).
 */
export function genericAssignmentOk(value: string, ctx: { key?: string; quoted: boolean; sep?: string; after: string }): boolean {
  const key = ctx.key;
  if (!key || !SECRET_KEY_WORD.test(key)) return false;
  if (!ctx.quoted && ctx.sep === ':' && /^[ \t]+[^\s#]/.test(ctx.after)) return false;
  if (NOT_SECRET_KEY_SUFFIX.test(key.replace(/[_.-]+$/, ''))) return false;
  if (value.length < 8 || isPlaceholder(value)) return false;
  // code and references, not literals: calls, indexing, attribute paths, file paths, booleans and nulls
  if (/[()[\]]/.test(value)) return false;
  if (/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return false;
  if (/^(?:\.{0,2}\/|~\/|[a-z]+:\/\/)/i.test(value)) return false;
  // an unquoted or quoted bare word without digits or symbols is almost always an identifier
  if (/^[A-Za-z_]+$/.test(value)) return false;
  return true;
}
