/**
 * Walks a Java archive and the archives nested in it (WEB-INF/lib, BOOT-INF/lib, ear lib/, any
 * *.jar entry), collecting identity from pom.properties, MANIFEST.MF and file names.
 * Bounds: nesting depth, entries per archive, bytes per entry, and one inflate budget shared by the
 * whole tree (zip bombs). A nested archive that is corrupt or over a bound is skipped and noted;
 * only a broken top-level archive throws.
 */
import { createHash } from 'node:crypto';
import type { Entry, ZipFile } from 'yauzl';
import type { ParsedPackage } from '../../types.js';
import { archivePackages, isJavaArchive } from './package.js';
import { parseManifest } from './parse-manifest.js';
import { parsePomProperties, type PomProperties } from './parse-pom-properties.js';
import { listEntries, openZip, readEntry, type InflateBudget } from './zip.js';

export interface JavaLimits {
  maxDepth: number;
  maxEntries: number;
  /** largest nested archive inflated into memory */
  maxNestedBytes: number;
  /** total bytes inflated for one top-level file (and so the most held in memory) */
  maxInflatedBytes: number;
}

export const DEFAULT_JAVA_LIMITS: JavaLimits = {
  maxDepth: 5,
  maxEntries: 200_000,
  maxNestedBytes: 128 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
};

const MAX_TEXT = 1024 * 1024;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;

export interface JavaArchiveResult {
  packages: ParsedPackage[];
  /** nested archives skipped (corrupt, too deep, over budget) */
  skipped: string[];
}

interface Walk {
  limits: JavaLimits;
  budget: InflateBudget;
  result: JavaArchiveResult;
}

async function readText(zip: ZipFile, e: Entry, w: Walk): Promise<string> {
  return (await readEntry(zip, e, MAX_TEXT, w.budget)).toString('utf8');
}

async function walkZip(zip: ZipFile, virtualPath: string, depth: number, sha1: string | undefined, w: Walk): Promise<void> {
  const entries = await listEntries(zip, w.limits.maxEntries);
  let manifest: Record<string, string> | undefined;
  const poms: PomProperties[] = [];
  const nested: Entry[] = [];
  for (const e of entries) {
    const name = e.fileName;
    if (name.endsWith('/')) continue;
    if (name.toUpperCase() === 'META-INF/MANIFEST.MF') manifest ??= parseManifest(await readText(zip, e, w));
    else if (POM_PROPERTIES.test(name)) {
      const pom = parsePomProperties(await readText(zip, e, w), name);
      if (pom) poms.push(pom);
    } else if (isJavaArchive(name)) nested.push(e);
  }
  w.result.packages.push(...archivePackages({ virtualPath, manifest, poms, sha1, nested: depth > 0 }));
  for (const e of nested) {
    const childPath = `${virtualPath}!/${e.fileName}`;
    if (depth + 1 > w.limits.maxDepth) {
      w.result.skipped.push(`${childPath}: nested deeper than ${w.limits.maxDepth}`);
      continue;
    }
    try {
      const buf = await readEntry(zip, e, w.limits.maxNestedBytes, w.budget);
      await walkBuffer(buf, childPath, depth + 1, w);
    } catch (err) {
      // an archive over the budget is refused before inflating, so smaller siblings may still fit
      w.result.skipped.push(`${childPath}: ${(err as Error).message}`);
    }
  }
}

async function walkBuffer(buf: Buffer, virtualPath: string, depth: number, w: Walk): Promise<void> {
  const zip = await openZip(buf);
  try {
    await walkZip(zip, virtualPath, depth, createHash('sha1').update(buf).digest('hex'), w);
  } finally {
    zip.close();
  }
}

/**
 * Packages of a Java archive given in memory or as a file on disk; `path` is its path in the image.
 * Throws a short Error when the top-level archive is not a readable zip.
 */
export async function parseJavaArchive(source: Buffer | string, path: string, sha1?: string, limits: JavaLimits = DEFAULT_JAVA_LIMITS): Promise<JavaArchiveResult> {
  const w: Walk = { limits, budget: { remaining: limits.maxInflatedBytes }, result: { packages: [], skipped: [] } };
  const zip = await openZip(source);
  try {
    await walkZip(zip, path, 0, sha1, w);
  } finally {
    zip.close();
  }
  return w.result;
}
