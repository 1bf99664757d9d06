/**
 * The secrets LayerAnalyzer and the collection of its results across layers. The layer cache stores only
 * redacted findings; a secret in a file that a later layer deletes is still reported, with its layer.
 */
import { readFile } from 'node:fs/promises';
import type { ScanResult } from '../app/inventory.js';
import type { AnalyzerFile, LayerAnalyzer } from '../layer/types.js';
import { isAllowedPath, skipPath } from './allowlist.js';
import { DEFAULT_MAX_FILE_BYTES, scanBuffer, type SecretFinding } from './scanner.js';

export const SECRETS_ANALYZER = 'secrets';

/** What the analyzer stores per file (only when something was found). */
export interface SecretsOutput {
  findings: Omit<SecretFinding, 'path'>[];
  warnings?: string[];
}

function wantedPath(path: string, size: number): boolean {
  return size > 0 && size <= DEFAULT_MAX_FILE_BYTES && !skipPath(path) && !isAllowedPath(path);
}

async function analyzeSecrets(file: AnalyzerFile): Promise<SecretsOutput | null> {
  const buf = file.content ?? (file.tempPath ? await readFile(file.tempPath) : undefined);
  if (!buf) return null;
  const res = scanBuffer(buf, file.path);
  if (!res.findings.length && !res.warnings.length) return null;
  const findings = res.findings.map(({ path: _path, ...rest }) => rest);
  return res.warnings.length ? { findings, warnings: res.warnings } : { findings };
}

/**
 * Reads text-like files up to 10 MiB outside the skip dirs. Non-executables are read when their path is
 * wanted; executables only when their first bytes have no NUL (scripts, not ELF binaries), via sniff.
 * Files over 10 MiB are skipped silently (wants() is false), so a layer of big blobs adds no warnings.
 */
export const secretsAnalyzer: LayerAnalyzer = {
  name: SECRETS_ANALYZER,
  version: 1,
  maxSize: DEFAULT_MAX_FILE_BYTES,
  // the walkers sniff only executables above 64 bytes: smaller ones are read here (cheap) and NUL-checked
  wants: (path, size, mode) => ((mode & 0o111) === 0 || size <= 64) && wantedPath(path, size),
  sniff: (path, head) => !head.subarray(0, 8192).includes(0) && wantedPath(path, 1),
  analyze: analyzeSecrets,
};

/**
 * Gathers the secrets analyzer's findings from every layer (not only files that survive in the final
 * filesystem), with the layer index, its created_by, and deletedLater when a later layer deleted or
 * replaced the file. Rootfs scans (one pseudo-layer without a diffID) get no layer fields.
 */
export function collectSecretFindings(scan: ScanResult): SecretFinding[] {
  const out: SecretFinding[] = [];
  for (const layer of scan.layers) {
    const isImage = Boolean(layer.diffId);
    const createdBy = scan.inventory.layers[layer.index]?.createdBy;
    for (const o of layer.outputs) {
      if (o.analyzer !== SECRETS_ANALYZER) continue;
      const data = o.data as SecretsOutput;
      const survives = scan.squashed.files.get(o.path)?.layer === layer.index;
      for (const f of data.findings ?? []) {
        const finding: SecretFinding = { ...f, path: o.path };
        if (isImage) {
          finding.layer = layer.index;
          if (createdBy) finding.layerCreatedBy = createdBy;
          finding.deletedLater = !survives;
        }
        out.push(finding);
      }
    }
  }
  return out;
}
