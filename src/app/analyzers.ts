/**
 * The layer analyzers every scan runs beyond the catalogers. They are cheap (a few small files, and
 * text scanning at ~300 MB/s), and running the same set whatever --scanners says keeps one layer-cache
 * entry per layer: `bulwark packages`, `bulwark sbom` and `bulwark image --scanners …` share the cache.
 * The scanners choose what is reported, not what is read. Kept apart from full-scan.ts so that
 * inventory commands do not load the vulnerability stack.
 */
import { imageFilesAnalyzer } from '../checks/image/files-analyzer.js';
import type { LayerAnalyzer } from '../layer/types.js';
import { secretsAnalyzer } from '../secrets/analyzer.js';

export function scanAnalyzers(image: boolean): LayerAnalyzer[] {
  return image ? [imageFilesAnalyzer, secretsAnalyzer] : [secretsAnalyzer];
}
