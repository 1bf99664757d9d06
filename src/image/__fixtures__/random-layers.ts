/** Random layer stacks over a small set of paths (so they collide): whiteouts, opaque dirs, every entry type. */
import type { EntryType, FileEntry } from '../../layer/types.js';

export interface RandomLayer {
  files: FileEntry[];
  whiteouts: string[];
  opaqueDirs: string[];
}

export function prng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

export const DIRS = ['/a', '/a/b', '/a/b/c', '/a/bb', '/usr', '/usr/lib', '/usr/lib/x', '/é', '/é/ü'];
export const NAMES = ['a', 'b', 'c', 'x', 'f1', 'f2', 'bb', 'é', 'ü', '日本'];
const TYPES: EntryType[] = ['file', 'file', 'file', 'dir', 'dir', 'symlink', 'hardlink', 'other'];

function randomPath(r: (n: number) => number): string {
  if (r(20) === 0) return '/';
  const d = r(DIRS.length + 1);
  return `${d === DIRS.length ? '' : DIRS[d]}/${NAMES[r(NAMES.length)]}`;
}

export function randomLayer(r: (n: number) => number): RandomLayer {
  const files: FileEntry[] = [];
  for (let i = r(30); i > 0; i--) {
    const type = TYPES[r(TYPES.length)]!;
    const e: FileEntry = { path: randomPath(r), type, mode: r(0o10000), size: type === 'file' ? r(5000) : 0, uid: r(3), gid: r(3) };
    if (type === 'symlink' || type === 'hardlink') e.link = randomPath(r);
    files.push(e);
  }
  const whiteouts = Array.from({ length: r(4) }, () => randomPath(r));
  const opaqueDirs = Array.from({ length: r(3) }, () => (r(30) === 0 ? '/' : DIRS[r(DIRS.length)]!));
  return { files, whiteouts, opaqueDirs };
}
