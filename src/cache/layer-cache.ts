/**
 * Per-layer results on disk, keyed by diffID plus the analyzers' names and versions.
 * Writes go to a unique temp file then rename(2) into place, so concurrent scans never see a
 * half-written entry and never block each other; the last writer wins with identical content.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { LayerAnalysis, LayerAnalyzer } from '../layer/types.js';

/**
 * 2: gzip of JSON lines: the analysis without `files`, then the file list in pieces of FILES_PER_PIECE
 * entries, one JSON array per line (JSON.stringify never writes a raw newline). Read back line by line,
 * so a 300k-file layer never exists as one decompressed buffer or string (1 was one JSON document).
 */
const FORMAT = 2;

export function analyzersKey(analyzers: LayerAnalyzer[]): string {
  const sig = analyzers.map((a) => `${a.name}@${a.version}`).sort().join(',');
  return createHash('sha256').update(`${FORMAT}|${sig}`).digest('hex').slice(0, 16);
}

function entryFile(layersDir: string, diffId: string, key: string): string | undefined {
  const m = /^sha256:([a-f0-9]{64})$/.exec(diffId);
  return m ? join(layersDir, `${m[1]}-${key}.json.gz`) : undefined;
}

/** Entries of the file list serialized per piece: bounds the transient string of a 300k-file layer. */
const FILES_PER_PIECE = 4096;

/** The cache entry's lines: the analysis without its file list, then the file list in pieces. */
function* jsonLines(analysis: LayerAnalysis): Generator<string> {
  const { files, ...rest } = analysis;
  yield `${JSON.stringify(rest)}\n`;
  for (let i = 0; i < files.length; i += FILES_PER_PIECE) yield `${JSON.stringify(files.slice(i, i + FILES_PER_PIECE))}\n`;
}

/** Parses the lines of a cache entry as they are decompressed; only one line is held at a time. */
async function readEntry(file: string): Promise<LayerAnalysis> {
  let head: Omit<LayerAnalysis, 'files'> | undefined;
  const files: LayerAnalysis['files'] = [];
  const take = (line: Buffer): void => {
    if (!line.length) return;
    const v: unknown = JSON.parse(line.toString('utf8'));
    if (!head) head = v as Omit<LayerAnalysis, 'files'>;
    else for (const f of v as LayerAnalysis['files']) files.push(f);
  };
  await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    let pending: Buffer[] = [];
    for await (const chunk of source) {
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        const part = chunk.subarray(from, nl);
        take(pending.length ? Buffer.concat([...pending, part]) : part);
        pending = [];
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
    if (pending.length) take(Buffer.concat(pending));
  });
  if (!head) throw new Error('empty cache entry');
  // the walker's key order (files after size), as the one-document format gave back
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(head)) {
    out[k] = v;
    if (k === 'size') out.files = files;
  }
  out.files ??= files;
  return out as unknown as LayerAnalysis;
}

export async function getCachedLayer(layersDir: string, diffId: string, key: string): Promise<LayerAnalysis | undefined> {
  const f = entryFile(layersDir, diffId, key);
  if (!f) return undefined;
  try {
    const data = await readEntry(f);
    return data.diffId === diffId ? data : undefined;
  } catch {
    return undefined; // missing or damaged entries are simply recomputed
  }
}

export async function putCachedLayer(layersDir: string, key: string, analysis: LayerAnalysis): Promise<void> {
  const f = entryFile(layersDir, analysis.diffId, key);
  if (!f) return;
  const tmp = `${f}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(Readable.from(jsonLines(analysis), { objectMode: false }), createGzip({ level: 1 }), createWriteStream(tmp, { mode: 0o600 }));
    await rename(tmp, f);
  } catch {
    await rm(tmp, { force: true });
  }
}
