/**
 * Image-level inventory entries: what a warm `sbom`/`packages` run needs (OS, packages, warnings, layer
 * sizes), so it reads one small file instead of every layer's file table and re-squashing them. On a
 * 300k-file image that is most of a warm run.
 *
 * The key is everything the inventory is a function of: the layers' diffIDs in order, the analyzers'
 * names and versions, and the code that assembled it (the built module's size and mtime, so a rebuilt or
 * upgraded Bulwark never reads an older assembly). Running from the TypeScript sources (tests under tsx)
 * there is no build to stamp, and no image-level cache. Written like the layer cache: temp file + rename.
 */
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { OsInfo, Package } from '../catalog/types.js';

const FORMAT = 1;

/** What an entry holds. */
export interface CachedInventory {
  os?: OsInfo;
  packages: Package[];
  warnings: string[];
  /** uncompressed size of each layer, in order */
  layerSizes: number[];
}

let stamp: string | null | undefined;

/** The built code's identity, or null when running from the sources. */
function codeStamp(): string | null {
  if (stamp !== undefined) return stamp;
  const here = import.meta.url;
  if (!here.startsWith('file:') || here.endsWith('.ts')) return (stamp = null);
  try {
    const st = statSync(fileURLToPath(here));
    return (stamp = `${st.size}:${st.mtimeMs}`);
  } catch {
    return (stamp = null);
  }
}

/** The entry key for these layers and analyzers, or undefined when no image-level cache applies. */
export function inventoryKey(diffIds: string[], analyzersKey: string): string | undefined {
  const code = codeStamp();
  if (!code || diffIds.some((d) => !/^sha256:[a-f0-9]{64}$/.test(d))) return undefined;
  return createHash('sha256').update(`${FORMAT}|${code}|${analyzersKey}|${diffIds.join(',')}`).digest('hex').slice(0, 32);
}

const entryFile = (cacheDir: string, key: string): string => join(cacheDir, 'inventories', `${key}.json.gz`);

function isInventory(v: unknown, layers: number): v is CachedInventory {
  const o = v as CachedInventory;
  return (
    !!o &&
    typeof o === 'object' &&
    Array.isArray(o.packages) &&
    Array.isArray(o.warnings) &&
    Array.isArray(o.layerSizes) &&
    o.layerSizes.length === layers &&
    o.layerSizes.every((n) => Number.isSafeInteger(n) && n >= 0)
  );
}

/** A stored inventory, or undefined (missing, unreadable or damaged entries are recomputed). */
export async function getCachedInventory(cacheDir: string, key: string, layers: number): Promise<CachedInventory | undefined> {
  try {
    const v: unknown = JSON.parse((await promisify(gunzip)(await readFile(entryFile(cacheDir, key)))).toString('utf8'));
    return isInventory(v, layers) ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function putCachedInventory(cacheDir: string, key: string, inv: CachedInventory): Promise<void> {
  const f = entryFile(cacheDir, key);
  const tmp = `${f}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(join(cacheDir, 'inventories'), { recursive: true, mode: 0o700 });
    await writeFile(tmp, await promisify(gzip)(JSON.stringify(inv)), { mode: 0o600 });
    await rename(tmp, f);
  } catch {
    // a cache that cannot be written only costs the next run its speed
    await rm(tmp, { force: true });
  }
}
