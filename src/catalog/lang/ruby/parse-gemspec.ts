/**
 * Installed gem specifications (…/specifications/<name>-<version>.gemspec). They are Ruby source that
 * rubygems generates, so a few assignments are read as text, never evaluated:
 *   s.name = "rake".freeze        (older rubygems: s.name = %q{rake})
 *   s.version = "13.0.6"
 *   s.licenses = ["MIT".freeze]   or  s.license = "MIT"
 */
import type { ParsedPackage } from '../../types.js';
import { gemPackage } from './package.js';

// a quoted string or %q{...}, then an optional .freeze; [^"'}]* keeps the match linear
const STRING = String.raw`(?:"([^"]*)"|'([^']*)'|%q\{([^}]*)\})(?:\.freeze)?`;
const ASSIGN = new RegExp(String.raw`^\s*\w+\.(name|version|license|platform)\s*=\s*(?:Gem::Version\.new\(\s*)?${STRING}`);
const LICENSES = /^\s*\w+\.licenses\s*=\s*\[([^\]]*)\]/;
const ITEM = /"([^"]*)"|'([^']*)'/g;

/** Parses an installed gemspec; returns nothing when it names no gem and version. */
export function parseGemspec(text: string): ParsedPackage[] {
  const fields: Record<string, string> = {};
  const licenses: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length > 4096) continue;
    const m = ASSIGN.exec(line);
    if (m) {
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      fields[m[1]!] ??= value;
      if (m[1] === 'license' && value && !licenses.includes(value)) licenses.push(value);
      continue;
    }
    const l = LICENSES.exec(line);
    if (!l) continue;
    for (const item of l[1]!.matchAll(ITEM)) {
      const value = item[1] ?? item[2] ?? '';
      if (value && !licenses.includes(value)) licenses.push(value);
    }
  }
  const { name, version, platform } = fields;
  if (!name || !version) return [];
  return [gemPackage(name, version, licenses, platform)];
}
