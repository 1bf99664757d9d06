/**
 * The final filesystem of an image, each path with the layer that introduced it and that layer's created_by.
 * Written as a stream of chunks: an image has hundreds of thousands of paths, and one string of the whole
 * listing (or one object per row kept until the end) took ~400 MB on a 300k-file image.
 */
import type { ScanResult } from '../app/inventory.js';

export interface FileRow {
  path: string;
  type: string;
  mode: string;
  size: number;
  layer?: number;
  createdBy?: string;
  link?: string;
}

/** rows per written chunk */
const BATCH = 2000;

/** The final paths in code-unit order (the order of the listing). */
function sortedPaths(res: ScanResult): string[] {
  const paths = [...res.squashed.files.keys()];
  paths.sort();
  return paths;
}

function fileRow(res: ScanResult, path: string): FileRow {
  const fe = res.squashed.files.get(path)!;
  const l = res.inventory.layers[fe.layer];
  return {
    path,
    type: fe.entry.type,
    mode: (fe.entry.mode & 0o7777).toString(8).padStart(4, '0'),
    size: fe.entry.size,
    ...(l ? { layer: fe.layer, createdBy: l.createdBy } : {}),
    ...(fe.entry.link ? { link: fe.entry.link } : {}),
  };
}

/** Every row, in listing order, made as it is needed. */
export function* fileRows(res: ScanResult): Generator<FileRow> {
  for (const path of sortedPaths(res)) yield fileRow(res, path);
}

const HEADERS = ['PATH', 'TYPE', 'MODE', 'SIZE', 'LAYER', 'CREATED BY'];

function tableCells(r: FileRow): string[] {
  return [r.path + (r.link ? ` -> ${r.link}` : ''), r.type, r.mode, String(r.size), r.layer !== undefined ? String(r.layer + 1) : '', (r.createdBy ?? '').slice(0, 60)];
}

/** The listing as an aligned table: one pass for the column widths, one to write. */
export function* filesTable(res: ScanResult): Generator<string> {
  const paths = sortedPaths(res);
  const widths = HEADERS.map((h) => h.length);
  for (const p of paths) tableCells(fileRow(res, p)).forEach((c, i) => (widths[i] = Math.max(widths[i]!, c.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  let out = `${line(HEADERS)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`;
  for (let i = 0; i < paths.length; i++) {
    out += `${line(tableCells(fileRow(res, paths[i]!)))}\n`;
    if ((i + 1) % BATCH === 0) {
      yield out;
      out = '';
    }
  }
  yield out;
}

/** The listing as JSON, byte for byte what JSON.stringify(document, null, 2) gives, written row by row. */
export function* filesJson(res: ScanResult): Generator<string> {
  const doc = { schemaVersion: 1, target: res.inventory.target, layers: res.inventory.layers.map(({ cached: _c, ...l }) => l), files: [] as FileRow[] };
  const empty = `${JSON.stringify(doc, null, 2)}\n`;
  const paths = sortedPaths(res);
  if (paths.length === 0) {
    yield empty;
    return;
  }
  // the document up to its (last) "files" array, which is then written element by element
  const cut = empty.lastIndexOf('"files": []');
  let out = `${empty.slice(0, cut)}"files": [`;
  for (let i = 0; i < paths.length; i++) {
    out += `${i ? ',' : ''}\n    ${JSON.stringify(fileRow(res, paths[i]!), null, 2).replace(/\n/g, '\n    ')}`;
    if ((i + 1) % BATCH === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}\n  ]\n}\n`;
}
