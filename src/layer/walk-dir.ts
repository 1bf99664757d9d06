/**
 * Walks a plain directory (a root filesystem) as if it were one layer. Symlinks are never followed,
 * /proc, /sys and /dev are skipped when scanning "/", and wanted files are read with a size cap.
 */
import { opendir, lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readHead } from '../shared/fs.js';
import { BulwarkError } from '../shared/errors.js';
import { FileTable } from './file-table.js';
import type { EntryType, LayerAnalysis, LayerAnalyzer } from './types.js';
import { runAnalyzers } from './run-analyzers.js';

const SKIP_AT_ROOT = new Set(['/proc', '/sys', '/dev']);

export async function walkDirectory(root: string, analyzers: LayerAnalyzer[], skipDirs: string[] = []): Promise<LayerAnalysis> {
  try {
    const st = await lstat(root);
    if (!st.isDirectory()) throw new BulwarkError('USAGE', `${root} is not a directory`);
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    throw new BulwarkError('NOT_FOUND', `${root}: no such directory`);
  }
  const result: LayerAnalysis = { index: 0, diffId: '', size: 0, files: new FileTable(), whiteouts: [], opaqueDirs: [], outputs: [], warnings: [] };
  const sniffers = analyzers.filter((a) => a.sniff);
  const skip = new Set(skipDirs);
  const stack: string[] = ['/'];
  while (stack.length) {
    const rel = stack.pop()!;
    const full = join(root, rel);
    let dir;
    try {
      dir = await opendir(full);
    } catch (err) {
      result.warnings.push(`cannot read directory ${rel}: ${(err as NodeJS.ErrnoException).code ?? err}`);
      continue;
    }
    for await (const d of dir) {
      const path = rel === '/' ? `/${d.name}` : `${rel}/${d.name}`;
      const fullPath = join(root, path);
      if (skip.has(fullPath)) continue;
      let st;
      try {
        st = await lstat(fullPath);
      } catch {
        continue;
      }
      const type: EntryType = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
      const mode = st.mode & 0o7777;
      const size = type === 'file' ? st.size : 0;
      let link: string | undefined;
      if (type === 'symlink') {
        try {
          link = await readlink(fullPath);
        } catch {
          /* unreadable link: keep the entry */
        }
      }
      result.files.add(path, type, mode, size, st.uid, st.gid, link);
      result.size += size;
      if (type === 'dir') {
        if (!(root === '/' && rel === '/' && SKIP_AT_ROOT.has(path))) stack.push(path);
        continue;
      }
      if (type !== 'file') continue;
      let want = analyzers.filter((a) => a.wants(path, st.size, mode));
      if (sniffers.length && (mode & 0o111) !== 0 && st.size > 64) {
        try {
          const head = await readHead(fullPath, 4096);
          want = want.concat(sniffers.filter((a) => !want.includes(a) && a.sniff!(path, head)));
        } catch {
          continue;
        }
      }
      if (!want.length) continue;
      const big = st.size > 8 * 1024 * 1024;
      try {
        const file = big ? { path, size: st.size, mode, tempPath: fullPath } : { path, size: st.size, mode, content: await readFile(fullPath) };
        await runAnalyzers(want, file, result);
      } catch (err) {
        result.warnings.push(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
      }
    }
  }
  result.files.trim();
  return result;
}
