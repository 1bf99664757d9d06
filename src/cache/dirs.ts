/**
 * The one directory Bulwark writes to: --cache-dir, else $BULWARK_CACHE_DIR, else the user cache dir
 * ($XDG_CACHE_HOME/bulwark or ~/.cache/bulwark). Layer results, the advisory DB and temp files live under it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveCacheDir(flag?: string): string {
  if (flag) return flag;
  if (process.env.BULWARK_CACHE_DIR) return process.env.BULWARK_CACHE_DIR;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'bulwark');
}

export interface Workdirs {
  cacheDir: string;
  layersDir: string;
  /** private temp dir of this process, removed by release() */
  tmpDir: string;
  release(): Promise<void>;
}

export async function prepareWorkdirs(cacheDir: string): Promise<Workdirs> {
  const layersDir = join(cacheDir, 'layers');
  const tmpDir = join(cacheDir, 'tmp', `${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(layersDir, { recursive: true, mode: 0o700 });
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    await rm(tmpDir, { recursive: true, force: true });
  };
  return { cacheDir, layersDir, tmpDir, release };
}
