/**
 * Pipfile.lock (pipenv): JSON with "default" and "develop" maps of name -> {version: "==1.2.3", …}.
 * Git and path entries carry no version and are skipped.
 */
import type { ParsedPackage } from '../../types.js';
import { isPythonName, isPythonVersion, pythonPackage } from './package.js';

const SECTIONS = [
  ['default', undefined],
  ['develop', 'dev'],
] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Packages pinned by a Pipfile.lock; develop entries get metadata.scope = 'dev'. */
export function parsePipfileLock(text: string): ParsedPackage[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('invalid Pipfile.lock: not JSON');
  }
  if (!isObject(doc)) throw new Error('invalid Pipfile.lock: not a JSON object');
  const out: ParsedPackage[] = [];
  const seen = new Set<string>();
  for (const [section, scope] of SECTIONS) {
    const entries = doc[section];
    if (entries === undefined) continue;
    if (!isObject(entries)) throw new Error(`invalid Pipfile.lock: "${section}" is not an object`);
    for (const [name, entry] of Object.entries(entries)) {
      if (!isObject(entry) || typeof entry.version !== 'string') continue;
      // "==1.2.3", or "===1.2.3" for arbitrary equality
      const version = entry.version.replace(/^===?/, '');
      if (!isPythonName(name) || !isPythonVersion(version) || version.includes('*')) continue;
      // pipenv repeats a package needed by both sections; the default (runtime) entry wins
      if (seen.has(`${name}@${version}`)) continue;
      seen.add(`${name}@${version}`);
      const metadata: Record<string, unknown> = {};
      if (scope) metadata.scope = scope;
      if (typeof entry.index === 'string') metadata.index = entry.index;
      if (typeof entry.markers === 'string') metadata.markers = entry.markers;
      out.push(pythonPackage({ name, version, metadata }));
    }
  }
  return out;
}
