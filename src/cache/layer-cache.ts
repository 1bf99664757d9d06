/**
 * Per-layer results on disk, keyed by diffID plus the analyzers' names and versions.
 * Writes go to a unique temp file then rename(2) into place, so concurrent scans never see a
 * half-written entry and never block each other; the last writer wins with identical content.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { LayerAnalysis, LayerAnalyzer } from '../layer/types.js';

const FORMAT = 1;

export function analyzersKey(analyzers: LayerAnalyzer[]): string {
  const sig = analyzers.map((a) => `${a.name}@${a.version}`).sort().join(',');
  return createHash('sha256').update(`${FORMAT}|${sig}`).digest('hex').slice(0, 16);
}

function entryFile(layersDir: string, diffId: string, key: string): string | undefined {
  const m = /^sha256:([a-f0-9]{64})$/.exec(diffId);
  return m ? join(layersDir, `${m[1]}-${key}.json.gz`) : undefined;
}

const gunzipAsync = promisify(gunzip);

/** Entries of the file list serialized per piece: bounds the transient string of a 300k-file layer. */
const FILES_PER_PIECE = 4096;

/**
 * The same JSON as JSON.stringify(analysis), produced in pieces so that a layer with hundreds of
 * thousands of files never exists as one large string (and gzip runs off the main thread).
 */
function* jsonPieces(analysis: LayerAnalysis): Generator<string> {
  const { files, ...rest } = analysis;
  const head = JSON.stringify(rest);
  yield `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"files":[`;
  for (let i = 0; i < files.length; i += FILES_PER_PIECE) {
    const part = JSON.stringify(files.slice(i, i + FILES_PER_PIECE));
    yield `${i ? ',' : ''}${part.slice(1, -1)}`;
  }
  yield ']}';
}

export async function getCachedLayer(layersDir: string, diffId: string, key: string): Promise<LayerAnalysis | undefined> {
  const f = entryFile(layersDir, diffId, key);
  if (!f) return undefined;
  try {
    const data = JSON.parse((await gunzipAsync(await readFile(f))).toString('utf8')) as LayerAnalysis;
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
    await pipeline(Readable.from(jsonPieces(analysis), { objectMode: false }), createGzip({ level: 1 }), createWriteStream(tmp, { mode: 0o600 }));
    await rename(tmp, f);
  } catch {
    await rm(tmp, { force: true });
  }
}
