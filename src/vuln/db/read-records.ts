/**
 * Finds and reads advisory records from an import input: a directory (walked recursively,
 * symlinks not followed), a .zip, a .jsonl / .jsonl.gz (one record per line) or a .json file
 * (one record or an array). Each record is JSON-parsed here, once; what fails to parse or is
 * over a cap comes out as an item with `error` so the importer can count it and go on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import type { DbLimits } from './limits.js';
import { readZipRecords } from './zip-records.js';

/** A parsed record (`value`) or a skipped one (`error`), with where it came from. */
export interface RecordItem {
  origin: string;
  value?: unknown;
  error?: string;
}

/** The file kinds an import understands, by name. */
export function inputKind(path: string): 'zip' | 'jsonl' | 'jsonl.gz' | 'json' | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.zip')) return 'zip';
  if (p.endsWith('.jsonl.gz') || p.endsWith('.ndjson.gz')) return 'jsonl.gz';
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) return 'jsonl';
  if (p.endsWith('.json')) return 'json';
  return undefined;
}

/** Files under dir that an import reads, sorted; MANIFEST.json (a bundle's index, not an advisory) is left out. */
export async function listInputFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && inputKind(e.name) && e.name !== 'MANIFEST.json') out.push(p);
    }
  };
  await walk(dir);
  return out;
}

function parse(origin: string, text: string): RecordItem {
  try {
    return { origin, value: JSON.parse(text) };
  } catch (err) {
    return { origin, error: `not JSON (${errorMessage(err)})` };
  }
}

/** Splits a byte stream into lines; a line over `maxLine` bytes yields `null` once and is skipped. */
async function* lines(stream: AsyncIterable<Buffer>, maxLine: number): AsyncGenerator<string | null> {
  let parts: Buffer[] = [];
  let len = 0;
  let skipping = false;
  for await (const chunk of stream) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!skipping) {
        len += end - start;
        if (len > maxLine) {
          skipping = true;
          parts = [];
          yield null;
        } else parts.push(chunk.subarray(start, end));
      }
      if (nl < 0) break;
      if (!skipping) yield Buffer.concat(parts, len).toString('utf8');
      parts = [];
      len = 0;
      skipping = false;
      start = nl + 1;
    }
  }
  if (!skipping && len > 0) yield Buffer.concat(parts, len).toString('utf8');
}

/** Counts decompressed bytes and fails past the archive cap (gzip bombs). */
async function* capped(stream: AsyncIterable<Buffer>, max: number, path: string): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > max) throw new BulwarkError('DECOMPRESSION_BOMB', `${path}: inflates beyond ${max} bytes`);
    yield chunk;
  }
}

async function* readJsonl(path: string, gz: boolean, limits: DbLimits): AsyncGenerator<RecordItem> {
  const file = createReadStream(path);
  let source: AsyncIterable<Buffer> = file;
  if (gz) source = capped(file.pipe(createGunzip()), limits.maxArchiveBytes, path);
  let n = 0;
  try {
    for await (const line of lines(source, limits.maxRecordBytes)) {
      n++;
      const origin = `${path}:${n}`;
      if (line === null) yield { origin, error: 'line exceeds the record size limit' };
      else if (line.trim() !== '') yield parse(origin, line);
    }
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    throw new BulwarkError('ARCHIVE_CORRUPT', `${path}: ${errorMessage(err)}`, err);
  } finally {
    file.destroy();
  }
}

async function* readJson(path: string, limits: DbLimits): AsyncGenerator<RecordItem> {
  const size = (await stat(path)).size;
  if (size > limits.maxJsonFileBytes) {
    yield { origin: path, error: `file of ${size} bytes exceeds the JSON file limit` };
    return;
  }
  const item = parse(path, await readFile(path, 'utf8'));
  if (Array.isArray(item.value)) {
    let i = 0;
    for (const value of item.value) yield { origin: `${path}[${i++}]`, value };
  } else yield item;
}

/** Yields the records of one input file, by its kind. */
export async function* readFileRecords(path: string, limits: DbLimits): AsyncGenerator<RecordItem> {
  const kind = inputKind(path);
  if (kind === 'zip') {
    for await (const z of readZipRecords(path, limits)) yield z.text === undefined ? { origin: z.origin, error: z.error } : parse(z.origin, z.text);
  } else if (kind === 'jsonl' || kind === 'jsonl.gz') yield* readJsonl(path, kind === 'jsonl.gz', limits);
  else if (kind === 'json') yield* readJson(path, limits);
  else throw new BulwarkError('USAGE', `${path}: not a .zip, .jsonl, .jsonl.gz or .json file`);
}
