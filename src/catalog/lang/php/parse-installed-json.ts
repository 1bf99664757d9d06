/**
 * vendor/composer/installed.json: what composer installed. Composer 1 writes a bare array; composer 2
 * writes {"packages": [...], "dev": bool, "dev-package-names": [...]}.
 */
import type { ParsedPackage } from '../../types.js';
import { asObject, composerPackage, parseJson } from './package.js';

/** Parses installed.json in either form; composer 2's dev-package-names mark dev packages. */
export function parseInstalledJson(text: string): ParsedPackage[] {
  const doc = parseJson(text, 'installed.json');
  const v2 = asObject(doc);
  const list = Array.isArray(doc) ? doc : v2?.packages;
  if (!Array.isArray(list)) throw new Error('installed.json has no package list');
  const devNames = new Set(Array.isArray(v2?.['dev-package-names']) ? (v2['dev-package-names'] as unknown[]) : []);
  const out: ParsedPackage[] = [];
  for (const entry of list) {
    const name = asObject(entry)?.name;
    const pkg = composerPackage(entry, devNames.has(name));
    if (pkg) out.push(pkg);
  }
  return out;
}
