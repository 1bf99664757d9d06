/** Text rendering of `bulwark db status`. */
import { formatBytes } from '../../shared/progress.js';
import type { DbStatus } from './status.js';

function age(hours: number): string {
  if (!Number.isFinite(hours)) return 'unknown age';
  if (hours < 1) return `${Math.round(hours * 60)} min ago`;
  if (hours < 48) return `${hours.toFixed(1)} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n') + '\n';
}

/** The status as a few aligned blocks: summary, advisories per ecosystem, sources. */
export function statusText(s: DbStatus, stale: boolean): string {
  let out = '';
  out += `database    ${s.path}\n`;
  out += `size        ${formatBytes(s.sizeBytes)}\n`;
  out += `updated     ${s.updatedAt ?? 'never'} (${age(s.ageHours)})${stale ? ' STALE: run `bulwark db update`' : ''}\n`;
  out += `advisories  ${s.advisories} (${s.withdrawn} withdrawn)\n\n`;
  out += table([['ECOSYSTEM', 'ADVISORIES'], ...Object.entries(s.ecosystems).map(([e, n]) => [e, String(n)])]);
  out += '\n';
  out += table([
    ['SOURCE', 'KIND', 'IMPORTED', 'RECORDS', 'INVALID'],
    ...s.sources.map((src) => [src.location, src.kind, src.importedAt, String(src.records), String(src.invalid)]),
  ]);
  return out;
}
