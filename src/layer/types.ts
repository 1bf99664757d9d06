/** What a layer walk produces: the layer's file list plus each analyzer's output per file. Cached (src/cache/layer-cache.ts). */
import type { FileTable } from './file-table.js';

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface FileEntry {
  path: string;
  type: EntryType;
  mode: number;
  size: number;
  uid: number;
  gid: number;
  /** symlink / hardlink target as written in the tar */
  link?: string;
}

export interface AnalyzerOutput {
  analyzer: string;
  path: string;
  data: unknown;
}

export interface LayerAnalysis {
  index: number;
  diffId: string;
  digest?: string;
  /** uncompressed size (tar bytes) */
  size: number;
  /** one row per tar entry (whiteout markers excepted), in tar order; rows read as FileEntry */
  files: FileTable;
  /** paths removed from lower layers by .wh.<name> entries */
  whiteouts: string[];
  /** directories made opaque by .wh..wh..opq */
  opaqueDirs: string[];
  outputs: AnalyzerOutput[];
  /** non-fatal problems: a file too large to read, a file that failed to parse */
  warnings: string[];
}

/** Reads one file of a layer for an analyzer. */
export interface AnalyzerFile {
  path: string;
  size: number;
  mode: number;
  content?: Buffer;
  /** temp file with the content, for files above the in-memory threshold */
  tempPath?: string;
}

/** Anything that looks at files while a layer streams by: catalogers, OS files, secrets, config files. */
export interface LayerAnalyzer {
  name: string;
  version: number;
  wants(path: string, size: number, mode: number): boolean;
  /** optional second chance for executables: decides from the first bytes (ELF/Mach-O magic…) */
  sniff?(path: string, head: Buffer): boolean;
  /** files larger than this are skipped with a warning (default 64 MiB) */
  maxSize?: number;
  analyze(file: AnalyzerFile): Promise<unknown> | unknown;
}
