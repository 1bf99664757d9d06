/**
 * Per-layer results on disk, keyed by diffID plus the analyzers' names and versions.
 * Writes go to a unique temp file then rename(2) into place, so concurrent scans never see a
 * half-written entry and never block each other; the last writer wins with identical content.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
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

export async function getCachedLayer(layersDir: string, diffId: string, key: string): Promise<LayerAnalysis | undefined> {
  const f = entryFile(layersDir, diffId, key);
  if (!f) return undefined;
  try {
    const data = JSON.parse(gunzipSync(await readFile(f)).toString('utf8')) as LayerAnalysis;
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
    await writeFile(tmp, gzipSync(JSON.stringify(analysis), { level: 1 }), { mode: 0o600 });
    await rename(tmp, f);
  } catch {
    await rm(tmp, { force: true });
  }
}
