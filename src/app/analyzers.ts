/**
 * The layer analyzers every vulnerability/hardening scan runs beyond the catalogers. Running the same set
 * whatever --scanners says keeps one layer-cache entry per layer for `bulwark image --scanners …`: the
 * scanners choose what is reported, not what is read. Inventory commands (`packages`, `sbom`, `files`)
 * run the catalogers only (secret scanning is ~15 % of a cold walk) and read these entries when a scan
 * cached them (ScanOptions.cacheSupersets). Kept apart from full-scan.ts so that inventory commands do not
 * load the vulnerability stack.
 */
import { imageFilesAnalyzer } from '../checks/image/files-analyzer.js';
import type { LayerAnalyzer } from '../layer/types.js';
import { secretsAnalyzer } from '../secrets/analyzer.js';

export function scanAnalyzers(image: boolean): LayerAnalyzer[] {
  return image ? [imageFilesAnalyzer, secretsAnalyzer] : [secretsAnalyzer];
}
