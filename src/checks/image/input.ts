/**
 * What image checks see: the image config and history, OS and packages, each layer's file list, the
 * final (squashed) filesystem, and the small files `imageFilesAnalyzer` collected, read through
 * symlinks inside the image. Built once per scan by `buildImageCheckInput`.
 */
import type { Inventory, ScanResult } from '../../app/inventory.js';
import type { OsInfo, Package } from '../../catalog/types.js';
import { resolvePath, type FinalEntry } from '../../image/squash.js';
import type { FileTable } from '../../layer/file-table.js';
import type { HistoryEntry, ImageConfig } from '../../source/types.js';
import { IMAGE_FILES_ANALYZER, type ImageFileData } from './files-analyzer.js';

/** One layer as the checks see it. */
export interface ImageLayer {
  index: number;
  diffId: string;
  /** uncompressed tar bytes */
  size: number;
  createdBy?: string;
  files: FileTable;
  whiteouts: string[];
  opaqueDirs: string[];
}

export interface ImageCheckInput {
  /** the reference as the user typed it (a registry reference or a path to an archive/layout) */
  reference: string;
  sourceKind: Inventory['target']['kind'];
  /** registry-style name when known (docker.io/library/alpine:3.10) */
  name?: string;
  repoTags: string[];
  repoDigests: string[];
  manifestDigest?: string;
  config: ImageConfig;
  history: HistoryEntry[];
  os?: OsInfo;
  packages: Package[];
  layers: ImageLayer[];
  /** the final filesystem: path -> entry and the layer that wrote it */
  files: ReadonlyMap<string, FinalEntry>;
  /** the clock EOL checks compare with */
  now: Date;
  /** final text of a collected config file (sshd_config, passwd, group, sudoers, inetd …), symlinks resolved */
  readText(path: string): string | undefined;
  /** what the analyzer kept for a collected file (text, or facts for credential files) */
  fileData(path: string): ImageFileData | undefined;
  /** what the analyzer kept for every copy of a collected file in every layer, including copies later layers deleted or replaced */
  layerData(): { path: string; data: ImageFileData; layer: number }[];
  /** every collected file whose final path starts with `prefix` */
  collected(prefix?: string): { path: string; data: ImageFileData; layer: number }[];
  /** resolves symlinks inside the image; the path itself when it cannot */
  resolve(path: string): string;
  /** true when the path exists in the final filesystem (after following symlinks) */
  exists(path: string): boolean;
  /** the created_by of the history entry that produced a layer */
  createdBy(layer: number): string | undefined;
}

/** Builds the input of the image checks from a scan. */
export function buildImageCheckInput(scan: ScanResult, opts: { reference: string; now?: Date }): ImageCheckInput {
  const inv = scan.inventory;
  const files = scan.squashed.files;
  const byPath = new Map<string, { data: ImageFileData; layer: number }>();
  for (const o of scan.squashed.outputs) if (o.analyzer === IMAGE_FILES_ANALYZER) byPath.set(o.path, { data: o.data as ImageFileData, layer: o.layer });
  const createdBy = new Map<number, string | undefined>();
  for (const l of inv.layers) createdBy.set(l.index, l.createdBy);
  function resolve(path: string): string {
    try {
      return resolvePath(files, path);
    } catch {
      return path; // symlink loop: the path is treated as absent
    }
  }
  const layers: ImageLayer[] = scan.layers.map((l, i) => ({
    index: i,
    diffId: l.diffId,
    size: l.size,
    createdBy: createdBy.get(i),
    files: l.files,
    whiteouts: l.whiteouts,
    opaqueDirs: l.opaqueDirs,
  }));
  const fileData = (path: string): ImageFileData | undefined => byPath.get(resolve(path))?.data;
  return {
    reference: opts.reference,
    sourceKind: inv.target.kind,
    name: inv.target.name,
    repoTags: inv.target.repoTags,
    repoDigests: inv.target.repoDigests,
    manifestDigest: inv.target.manifestDigest,
    config: inv.config,
    history: inv.config.history ?? [],
    os: inv.os,
    packages: inv.packages,
    layers,
    files,
    now: opts.now ?? new Date(),
    readText(path) {
      const d = fileData(path);
      return d?.kind === 'text' ? d.text : undefined;
    },
    fileData,
    layerData: () =>
      scan.layers.flatMap((l, i) => l.outputs.filter((o) => o.analyzer === IMAGE_FILES_ANALYZER).map((o) => ({ path: o.path, data: o.data as ImageFileData, layer: i }))),
    collected(prefix = '/') {
      const out: { path: string; data: ImageFileData; layer: number }[] = [];
      for (const [path, v] of byPath) if (path.startsWith(prefix)) out.push({ path, ...v });
      return out.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
    resolve,
    exists: (path) => files.has(resolve(path)),
    createdBy: (layer) => createdBy.get(layer),
  };
}
