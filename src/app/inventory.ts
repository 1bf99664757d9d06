/** The inventory pipeline: source -> layers (cached, in parallel) -> squash -> OS + packages. */
import { cpus } from 'node:os';
import { catalogers as allCatalogers } from '../catalog/registry.js';
import type { Cataloger, OsInfo, Package } from '../catalog/types.js';
import { analyzersKey, getCachedLayer, putCachedLayer } from '../cache/layer-cache.js';
import { getCachedInventory, inventoryKey, putCachedInventory, type CachedInventory } from '../cache/inventory-cache.js';
import { prepareWorkdirs, resolveCacheDir, type Workdirs } from '../cache/dirs.js';
import { detectOs } from '../distro/detect.js';
import { osFilesAnalyzer } from '../distro/os-files.js';
import { resolvePath, squash, type SquashedImage } from '../image/squash.js';
import type { LayerAnalysis, LayerAnalyzer } from '../layer/types.js';
import { walkDirectory } from '../layer/walk-dir.js';
import { walkLayer } from '../layer/walk.js';
import { formatBytes, mapLimit, silentProgress, type Progress } from '../shared/progress.js';
import { parsePlatform } from '../source/image-parts.js';
import { openSource, type OpenOptions } from '../source/resolve.js';
import type { ImageConfig, ImageSource } from '../source/types.js';
import { collectPackages } from './packages.js';

export interface ScanOptions {
  cacheDir?: string;
  /** skip reading and writing the layer cache */
  noCache?: boolean;
  platform?: string;
  progress?: Progress;
  registry?: OpenOptions['registry'];
  /** analyzers beyond the catalogers (secrets, config files …) */
  extraAnalyzers?: LayerAnalyzer[];
  /**
   * extra-analyzer sets whose layer-cache entries also answer this scan (they ran a superset of its
   * analyzers): an inventory reuses the layers a full scan cached, without paying for secrets itself
   */
  cacheSupersets?: LayerAnalyzer[][];
  catalogers?: Cataloger[];
  concurrency?: number;
}

export interface LayerSummary {
  index: number;
  diffId: string;
  digest?: string;
  size: number;
  createdBy?: string;
  cached: boolean;
}

export interface Inventory {
  target: {
    kind: ImageSource['kind'];
    reference: string;
    name?: string;
    repoTags: string[];
    repoDigests: string[];
    manifestDigest?: string;
    configDigest?: string;
    platform?: string;
  };
  config: ImageConfig;
  os?: OsInfo;
  layers: LayerSummary[];
  packages: Package[];
  warnings: string[];
}

export interface ScanResult {
  inventory: Inventory;
  layers: LayerAnalysis[];
  squashed: SquashedImage;
}

function analyzersFor(opts: ScanOptions): { cats: Cataloger[]; analyzers: LayerAnalyzer[] } {
  const cats = opts.catalogers ?? allCatalogers;
  return { cats, analyzers: [osFilesAnalyzer, ...cats, ...(opts.extraAnalyzers ?? [])] };
}

async function analyzeLayers(src: ImageSource, analyzers: LayerAnalyzer[], dirs: Workdirs, opts: ScanOptions): Promise<{ layers: LayerAnalysis[]; cached: boolean[] }> {
  const progress = opts.progress ?? silentProgress();
  const key = analyzersKey(analyzers);
  const readKeys = [key, ...(opts.cacheSupersets ?? []).map((extra) => analyzersKey(analyzersFor({ ...opts, extraAnalyzers: extra }).analyzers))];
  const cached: boolean[] = [];
  const total = src.layers.length;
  let done = 0;
  const limit = opts.concurrency ?? Math.max(2, Math.min(4, cpus().length));
  const layers = await mapLimit(src.layers, limit, async (ref, i) => {
    const short = (ref.digest ?? ref.diffId).slice(7, 19);
    if (!opts.noCache) {
      let hit: LayerAnalysis | undefined;
      for (const k of readKeys) if (!hit) hit = await getCachedLayer(dirs.layersDir, ref.diffId, k);
      if (hit) {
        cached[i] = true;
        progress.step(`layer ${i + 1}/${total} ${short} cached`);
        done++;
        return { ...hit, index: i, digest: ref.digest ?? hit.digest };
      }
    }
    cached[i] = false;
    const size = ref.size;
    const analysis = await walkLayer(ref, analyzers, {
      tmpDir: dirs.tmpDir,
      onBytes: (n) => progress.update(`layer ${i + 1}/${total} ${short} ${formatBytes(n)}${size ? ` / ${formatBytes(size)}` : ''}`),
    });
    done++;
    progress.step(`layer ${i + 1}/${total} ${short} ${formatBytes(analysis.size)} analyzed (${done}/${total})`);
    if (!opts.noCache) await putCachedLayer(dirs.layersDir, key, analysis);
    return analysis;
  });
  return { layers, cached };
}

/** Reads a file's final content (symlinks resolved inside the image) from the os-files outputs. */
function osFileReader(sq: SquashedImage): (path: string) => string | undefined {
  const byPath = new Map<string, string>();
  for (const o of sq.outputs) if (o.analyzer === osFilesAnalyzer.name) byPath.set(o.path, o.data as string);
  return (path) => {
    const real = resolvePath(sq.files, path);
    return byPath.get(real);
  };
}

export function buildInventory(layers: LayerAnalysis[], cats: Cataloger[]): { squashed: SquashedImage; os?: OsInfo; packages: Package[]; warnings: string[] } {
  const squashed = squash(layers);
  const hasDpkgStatusD = squashed.files.hasUnder('/var/lib/dpkg/status.d');
  const os = detectOs(osFileReader(squashed), hasDpkgStatusD);
  const packages = collectPackages(squashed, layers, cats, os);
  const warnings = layers.flatMap((l) => l.warnings.map((w) => (l.diffId ? `layer ${l.index + 1}: ${w}` : w)));
  return { squashed, os, packages, warnings };
}

/** Opens the image, runs fn, and always closes the source and releases the temp dir. */
async function withImage<T>(target: string, opts: ScanOptions, fn: (src: ImageSource, dirs: Workdirs) => Promise<T>): Promise<T> {
  const dirs = await prepareWorkdirs(resolveCacheDir(opts.cacheDir));
  const progress = opts.progress ?? silentProgress();
  try {
    const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
    progress.step(`opening ${target}`);
    const src = await openSource(target, { platform, tmpDir: dirs.tmpDir, registry: opts.registry });
    try {
      return await fn(src, dirs);
    } finally {
      await src.close();
    }
  } finally {
    await dirs.release();
  }
}

function inventoryOf(src: ImageSource, built: Omit<CachedInventory, 'layerSizes'>, sizes: number[], cached: boolean[]): Inventory {
  const cfg = src.config;
  return {
    target: {
      kind: src.kind,
      reference: src.reference,
      name: src.name,
      repoTags: src.repoTags,
      repoDigests: src.repoDigests,
      manifestDigest: src.manifestDigest,
      configDigest: src.configDigest,
      platform: cfg.os ? [cfg.os, cfg.architecture, cfg.variant].filter(Boolean).join('/') : undefined,
    },
    config: cfg,
    os: built.os,
    layers: src.layers.map((l, i) => ({ index: i, diffId: l.diffId, digest: l.digest, size: sizes[i]!, createdBy: l.createdBy, cached: cached[i]! })),
    packages: built.packages,
    warnings: built.warnings,
  };
}

/** Inventories an image from any source (archive, layout, registry). */
export async function scanImage(target: string, opts: ScanOptions = {}): Promise<ScanResult> {
  return withImage(target, opts, async (src, dirs) => {
    const { cats, analyzers } = analyzersFor(opts);
    const { layers, cached } = await analyzeLayers(src, analyzers, dirs, opts);
    const built = buildInventory(layers, cats);
    (opts.progress ?? silentProgress()).done();
    return { layers, squashed: built.squashed, inventory: inventoryOf(src, built, layers.map((l) => l.size), cached) };
  });
}

/**
 * The inventory alone (`sbom`, `packages`): read whole from the image-level cache when this image was
 * inventoried before with the same analyzers and the same build, else scanned (and then stored).
 */
export async function inventoryImage(target: string, opts: ScanOptions = {}): Promise<Inventory> {
  return withImage(target, opts, async (src, dirs) => {
    const progress = opts.progress ?? silentProgress();
    const { cats, analyzers } = analyzersFor(opts);
    const key = opts.noCache ? undefined : inventoryKey(src.layers.map((l) => l.diffId), analyzersKey(analyzers));
    const hit = key ? await getCachedInventory(dirs.cacheDir, key, src.layers.length) : undefined;
    if (hit) {
      progress.step(`inventory of the ${src.layers.length} layer${src.layers.length === 1 ? '' : 's'} read from the cache`);
      progress.done();
      return inventoryOf(src, hit, hit.layerSizes, src.layers.map(() => true));
    }
    const { layers, cached } = await analyzeLayers(src, analyzers, dirs, opts);
    const built = buildInventory(layers, cats);
    const sizes = layers.map((l) => l.size);
    if (key) await putCachedInventory(dirs.cacheDir, key, { os: built.os, packages: built.packages, warnings: built.warnings, layerSizes: sizes });
    progress.done();
    return inventoryOf(src, built, sizes, cached);
  });
}

/** Inventories a plain directory (a root filesystem, or "/"). */
export async function scanRootfs(dir: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const cacheDir = resolveCacheDir(opts.cacheDir);
  const progress = opts.progress ?? silentProgress();
  const { cats, analyzers } = analyzersFor(opts);
  progress.step(`walking ${dir}`);
  const layer = await walkDirectory(dir, analyzers, [cacheDir]);
  const built = buildInventory([layer], cats);
  progress.done();
  return {
    layers: [layer],
    squashed: built.squashed,
    inventory: {
      target: { kind: 'rootfs', reference: dir, repoTags: [], repoDigests: [] },
      config: {},
      os: built.os,
      layers: [],
      packages: built.packages,
      warnings: built.warnings,
    },
  };
}
