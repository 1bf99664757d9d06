/** Rust: crates pinned by Cargo.lock files (source trees and images that ship them). */
import { readFile } from 'node:fs/promises';
import { MB, type AnalyzerFile, type Cataloger, type ParseResult } from '../../types.js';

async function readText(file: AnalyzerFile): Promise<string> {
  if (file.content) return file.content.toString('utf8');
  return file.tempPath ? readFile(file.tempPath, 'utf8') : '';
}

export const rustCargoLockCataloger: Cataloger = {
  name: 'rust-cargo-lock-cataloger',
  version: 1,
  packageTypes: ['cargo'],
  // the largest real Cargo.lock files (big workspaces) are around 1 MiB
  maxSize: 32 * MB,
  wants: (path) => path.endsWith('/Cargo.lock'),
  async analyze(file): Promise<ParseResult> {
    // the TOML parser loads with the first Cargo.lock, not at start-up
    const { parseCargoLock } = await import('./parse-cargo-lock.js');
    return { packages: parseCargoLock(await readText(file)) };
  },
};
