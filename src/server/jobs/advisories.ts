/**
 * Refreshing the advisory database before a re-match: `updateAdvisories` from the OSV export or an
 * http(s) mirror of it (conditional requests: unchanged ecosystems are skipped), or
 * `importAdvisories` from a local directory/file mirror (file:// or a path), which replaces the
 * database so records removed from the mirror disappear too. Either way the new file is swapped in
 * atomically; open handles keep reading the old one.
 */
import { fileURLToPath } from 'node:url';
import { importAdvisories, updateAdvisories } from '../../vuln/db/index.js';

export interface RefreshResult {
  kind: 'update' | 'import';
  location: string;
  records: number;
  seconds: number;
}

/** Updates or imports advisories into <cacheDir>/db according to `source` (default: the OSV export). */
export async function refreshAdvisories(cacheDir: string, source?: string): Promise<RefreshResult> {
  if (!source || /^https?:\/\//i.test(source)) {
    const r = await updateAdvisories(cacheDir, { baseUrl: source });
    const records = r.ecosystems.reduce((a, e) => a + (e.status === 'updated' ? e.records : 0), 0);
    return { kind: 'update', location: r.baseUrl, records, seconds: r.seconds };
  }
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  const r = await importAdvisories(cacheDir, path, { replace: true });
  return { kind: 'import', location: path, records: r.records, seconds: r.seconds };
}
