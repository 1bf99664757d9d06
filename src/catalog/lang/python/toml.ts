/** TOML lockfiles (poetry.lock, uv.lock) parsed with smol-toml, with errors cut to one line. */
import { parse } from 'smol-toml';

export type Table = Record<string, unknown>;

/** Parses a TOML document; a syntax error becomes a short Error naming the format. */
export function parseTomlFile(text: string, format: string): Table {
  try {
    // lockfiles nest two or three levels; a deep document is hostile, not a lockfile
    return parse(text, { maxDepth: 32, unsafeKeyBehaviour: 'drop' }) as Table;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`invalid ${format}: ${msg}`);
  }
}

/** True for a plain TOML table (not an array, date or scalar). */
export function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** The [[package]] array of tables; empty when absent, an error when it has another shape. */
export function packageTables(doc: Table, format: string): Table[] {
  const list = doc.package;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`invalid ${format}: "package" is not an array of tables`);
  return list.filter(isTable);
}
