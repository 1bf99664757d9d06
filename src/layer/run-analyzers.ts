import type { AnalyzerFile, LayerAnalysis, LayerAnalyzer } from './types.js';

const DEFAULT_MAX_FILE = 64 * 1024 * 1024;

/** Hands one file to each analyzer that wants it; a parse failure becomes a warning, never a crash. */
export async function runAnalyzers(analyzers: LayerAnalyzer[], file: AnalyzerFile, result: LayerAnalysis): Promise<void> {
  for (const a of analyzers) {
    const max = a.maxSize ?? DEFAULT_MAX_FILE;
    if (file.size > max) {
      result.warnings.push(`${a.name}: skipped ${file.path} (${file.size} bytes, limit ${max})`);
      continue;
    }
    try {
      const data = await a.analyze(file);
      if (data === undefined || data === null) continue;
      const w = (data as { warnings?: unknown }).warnings;
      if (Array.isArray(w)) {
        for (const msg of w) result.warnings.push(`${a.name}: ${file.path}: ${String(msg)}`);
        delete (data as { warnings?: unknown }).warnings;
      }
      result.outputs.push({ analyzer: a.name, path: file.path, data });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      result.warnings.push(`${a.name}: cannot parse ${file.path}: ${msg.split('\n')[0]}`);
    }
  }
}
