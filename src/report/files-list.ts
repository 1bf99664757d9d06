/** The final filesystem of an image, each path with the layer that introduced it and that layer's created_by. */
import type { ScanResult } from '../app/inventory.js';
import { renderTable } from './packages-table.js';

export interface FileRow {
  path: string;
  type: string;
  mode: string;
  size: number;
  layer?: number;
  createdBy?: string;
  link?: string;
}

export function fileRows(res: ScanResult): FileRow[] {
  const rows: FileRow[] = [];
  const layers = res.inventory.layers;
  for (const [path, fe] of res.squashed.files) {
    const l = layers[fe.layer];
    rows.push({
      path,
      type: fe.entry.type,
      mode: (fe.entry.mode & 0o7777).toString(8).padStart(4, '0'),
      size: fe.entry.size,
      ...(l ? { layer: fe.layer, createdBy: l.createdBy } : {}),
      ...(fe.entry.link ? { link: fe.entry.link } : {}),
    });
  }
  return rows.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function filesTable(res: ScanResult): string {
  const rows = fileRows(res).map((r) => [r.path + (r.link ? ` -> ${r.link}` : ''), r.type, r.mode, String(r.size), r.layer !== undefined ? String(r.layer + 1) : '', (r.createdBy ?? '').slice(0, 60)]);
  return renderTable(rows, ['PATH', 'TYPE', 'MODE', 'SIZE', 'LAYER', 'CREATED BY']);
}

export function filesJson(res: ScanResult): string {
  return JSON.stringify({ schemaVersion: 1, target: res.inventory.target, layers: res.inventory.layers.map(({ cached: _c, ...l }) => l), files: fileRows(res) }, null, 2) + '\n';
}
