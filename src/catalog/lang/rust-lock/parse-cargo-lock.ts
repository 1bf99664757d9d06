/**
 * Cargo.lock: one [[package]] table per crate. Version 1 lockfiles keep checksums in a [metadata]
 * table ("checksum <name> <version> (<source>)" = "<sha256>"); versions 3 and 4 put a `checksum` in
 * each package. Packages without a `source` are workspace members and path dependencies: local
 * code, not published crates, so they are left out.
 */
import { parse } from 'smol-toml';
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

type Table = Record<string, unknown>;

/** crates.io allows ASCII alphanumerics, "-" and "_"; other registries are no looser in practice. */
const CRATE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** SemVer with pre-release and build metadata. */
const CRATE_VERSION = /^[0-9A-Za-z.+-]{1,128}$/;
/** Cargo writes "<none>" when a source has no checksum (git). */
const SHA256 = /^[0-9a-f]{64}$/;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseToml(text: string): Table {
  try {
    // Cargo.lock nests two levels; deeper documents are hostile
    return parse(text, { maxDepth: 32, unsafeKeyBehaviour: 'drop' }) as Table;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`invalid Cargo.lock: ${msg}`);
  }
}

/** v1 checksums from [metadata], keyed "<name> <version> (<source>)". */
function v1Checksums(doc: Table): Map<string, string> {
  const out = new Map<string, string>();
  if (!isTable(doc.metadata)) return out;
  for (const [key, value] of Object.entries(doc.metadata)) {
    if (key.startsWith('checksum ') && typeof value === 'string') out.set(key.slice('checksum '.length), value);
  }
  return out;
}

/** Crates from registries and git that a Cargo.lock pins, with source and checksum in metadata. */
export function parseCargoLock(text: string): ParsedPackage[] {
  const doc = parseToml(text);
  const list = doc.package ?? [];
  if (!Array.isArray(list)) throw new Error('invalid Cargo.lock: "package" is not an array of tables');
  const checksums = v1Checksums(doc);
  const lockVersion = typeof doc.version === 'number' ? doc.version : 1;
  const out: ParsedPackage[] = [];
  for (const pkg of list) {
    if (!isTable(pkg)) continue;
    const { name, version, source } = pkg;
    if (typeof name !== 'string' || typeof version !== 'string' || typeof source !== 'string') continue;
    if (!CRATE_NAME.test(name) || !CRATE_VERSION.test(version) || !source) continue;
    const metadata: Record<string, unknown> = { source, lockVersion };
    const checksum = typeof pkg.checksum === 'string' ? pkg.checksum : checksums.get(`${name} ${version} (${source})`);
    if (checksum && SHA256.test(checksum)) metadata.checksum = checksum;
    out.push({ name, version, type: 'cargo', purl: purl('cargo', undefined, name, version), licenses: [], metadata });
  }
  return out;
}
