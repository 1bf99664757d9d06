/** Java archives (jar, war, ear, Jenkins plugins …) and the archives nested in them. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AnalyzerFile, Cataloger, ParseResult } from '../../types.js';
import { isJavaArchive } from './package.js';

/** SHA-1 of the whole archive (what Maven Central indexes), streamed for spooled files. */
async function sha1Of(file: AnalyzerFile): Promise<string | undefined> {
  if (file.content) return createHash('sha1').update(file.content).digest('hex');
  if (!file.tempPath) return undefined;
  const h = createHash('sha1');
  for await (const chunk of createReadStream(file.tempPath)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export const javaArchiveCataloger: Cataloger = {
  name: 'java-archive-cataloger',
  version: 1,
  packageTypes: ['maven'],
  // fat jars and wars of several hundred MiB exist; yauzl reads them by random access
  maxSize: 2 * 1024 * 1024 * 1024,
  wants: (path) => isJavaArchive(path),
  async analyze(file): Promise<ParseResult | null> {
    const source = file.content ?? file.tempPath;
    if (!source) return null;
    // the zip reader is loaded with the first archive, not at start-up
    const { parseJavaArchive } = await import('./parse-archive.js');
    const { packages, skipped } = await parseJavaArchive(source, file.path, await sha1Of(file));
    const warnings = skipped;
    return packages.length || warnings.length ? { packages, ...(warnings.length ? { warnings } : {}) } : null;
  },
};
