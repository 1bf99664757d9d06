/** Builds gem packages (purl pkg:gem/name@version). */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

/** A gem; the platform ("x86_64-linux", "java") of a native gem goes to metadata, not the version. */
export function gemPackage(name: string, version: string, licenses: string[] = [], platform?: string): ParsedPackage {
  const pkg: ParsedPackage = { name, version, type: 'gem', purl: purl('gem', undefined, name, version), licenses };
  if (platform && platform !== 'ruby') pkg.metadata = { platform };
  return pkg;
}
