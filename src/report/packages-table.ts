/** Human-readable package listing. */
import type { Inventory } from '../app/inventory.js';

export function renderTable(rows: string[][], headers: string[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function describeTarget(inv: Inventory): string {
  const t = inv.target;
  const os = inv.os ? `${inv.os.prettyName ?? `${inv.os.family} ${inv.os.version}`}` : 'unknown OS';
  const parts = [`${t.reference} (${t.kind})`, os];
  if (t.platform) parts.push(t.platform);
  return parts.join(' · ');
}

export function packagesTable(inv: Inventory): string {
  const rows = inv.packages.map((p) => [
    p.name,
    p.version,
    p.type,
    p.sourceName && (p.sourceName !== p.name || p.sourceVersion !== p.version) ? `${p.sourceName} ${p.sourceVersion ?? ''}`.trim() : '',
    p.locations[0]?.layerIndex !== undefined ? String(p.locations[0].layerIndex + 1) : '',
    (p.osManaged ? '(os) ' : '') + (p.locations[0]?.path ?? ''),
  ]);
  const head = `${describeTarget(inv)}\n${inv.packages.length} packages\n\n`;
  const warn = inv.warnings.length ? `\n${inv.warnings.length} warnings:\n${inv.warnings.map((w) => `  ${w}`).join('\n')}\n` : '';
  return head + renderTable(rows, ['NAME', 'VERSION', 'TYPE', 'SOURCE', 'LAYER', 'PATH']) + warn;
}

/** Versioned JSON listing (schema documented in docs/json-inventory.md). */
export function packagesJson(inv: Inventory): string {
  const out = {
    schemaVersion: 1,
    generator: 'bulwark',
    target: inv.target,
    os: inv.os ?? null,
    layers: inv.layers.map(({ cached: _c, ...l }) => l),
    packages: inv.packages.map(({ files: _f, ...p }) => p),
    warnings: inv.warnings,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
