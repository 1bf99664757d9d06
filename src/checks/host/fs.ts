/**
 * A read-only view of a root directory (a mounted host filesystem, or "/"). Paths resolve like a
 * chroot: absolute symlink targets start again at the root and ".." stops at it, so a hostile
 * symlink cannot make Bulwark read outside the root. Nothing here writes.
 */
import { lstatSync, openSync, readlinkSync, readSync, closeSync, readdirSync, fstatSync, constants } from 'node:fs';
import { join } from 'node:path';
import type { HostFileInfo, HostFs } from './input.js';

const MAX_LINKS = 40;
/** Largest file the host checks read (config files are small). */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

/** Resolves `path` under `root` following symlinks inside the root; undefined when it does not exist or loops. */
export function resolveInRoot(root: string, path: string): { real: string; shown: string } | undefined {
  let pending = path.split('/').filter(Boolean);
  const done: string[] = [];
  let links = 0;
  while (pending.length) {
    const seg = pending.shift()!;
    if (seg === '.') continue;
    if (seg === '..') {
      done.pop();
      continue;
    }
    const candidate = join(root, ...done, seg);
    let st;
    try {
      st = lstatSync(candidate);
    } catch {
      return undefined;
    }
    if (st.isSymbolicLink()) {
      if (++links > MAX_LINKS) return undefined;
      const target = readlinkSync(candidate);
      if (target.startsWith('/')) done.length = 0;
      pending = [...target.split('/').filter(Boolean), ...pending];
      continue;
    }
    done.push(seg);
  }
  return { real: join(root, ...done), shown: `/${done.join('/')}` };
}

function typeOf(st: { isFile(): boolean; isDirectory(): boolean; isSocket(): boolean }): HostFileInfo['type'] {
  return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSocket() ? 'socket' : 'other';
}

/** The HostFs over a root directory. */
export function rootFs(root: string): HostFs {
  return {
    stat(path) {
      const r = resolveInRoot(root, path);
      if (!r) return undefined;
      try {
        const st = lstatSync(r.real);
        return { path: r.shown, uid: st.uid, gid: st.gid, mode: st.mode & 0o7777, type: typeOf(st) };
      } catch {
        return undefined;
      }
    },
    read(path) {
      const r = resolveInRoot(root, path);
      if (!r) return undefined;
      let fd: number | undefined;
      try {
        // O_NOFOLLOW: the last component was resolved above; refuse a symlink swapped in since; O_NONBLOCK: never hang on a FIFO
        fd = openSync(r.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
        const st = fstatSync(fd);
        if (!st.isFile()) return undefined;
        const size = Math.min(st.size, MAX_READ_BYTES);
        const buf = Buffer.alloc(size);
        let off = 0;
        while (off < size) {
          const n = readSync(fd, buf, off, size - off, off);
          if (n === 0) break;
          off += n;
        }
        return buf.subarray(0, off).toString('utf8');
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    list(dir) {
      const r = resolveInRoot(root, dir);
      if (!r) return [];
      try {
        if (!lstatSync(r.real).isDirectory()) return [];
        return readdirSync(r.real).sort();
      } catch {
        return [];
      }
    },
  };
}
