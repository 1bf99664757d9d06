/** Secret scanning of a plain directory, for `bulwark fs <dir>`: symlinks are never followed. */
import { scanRootfs, type ScanOptions } from '../app/inventory.js';
import { secretsAnalyzer, collectSecretFindings } from './analyzer.js';
import type { SecretFinding } from './scanner.js';

export interface FsSecretsResult {
  findings: SecretFinding[];
  warnings: string[];
}

/** Walks `dir` (no cache, no catalogers) with the secrets analyzer; paths in findings are relative to `dir`, with a leading "/". */
export async function scanFsSecrets(dir: string, opts: Pick<ScanOptions, 'cacheDir' | 'progress'> = {}): Promise<FsSecretsResult> {
  const scan = await scanRootfs(dir, { ...opts, noCache: true, catalogers: [], extraAnalyzers: [secretsAnalyzer] });
  return { findings: collectSecretFindings(scan), warnings: scan.inventory.warnings };
}
