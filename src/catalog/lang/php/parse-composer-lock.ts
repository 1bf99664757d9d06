/** composer.lock: the `packages` and `packages-dev` arrays of a PHP project's lockfile. */
import type { ParsedPackage } from '../../types.js';
import { asObject, composerPackage, parseJson } from './package.js';

/** Parses composer.lock; packages-dev entries carry metadata.dev. */
export function parseComposerLock(text: string): ParsedPackage[] {
  const doc = asObject(parseJson(text, 'composer.lock'));
  if (!doc) throw new Error('composer.lock is not a JSON object');
  const out: ParsedPackage[] = [];
  for (const [key, dev] of [['packages', false], ['packages-dev', true]] as const) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const pkg = composerPackage(entry, dev);
      if (pkg) out.push(pkg);
    }
  }
  return out;
}
