/** An installed package's own package.json (node_modules/<name>/package.json). */
import type { ParsedPackage } from '../../types.js';
import { asString, npmLicenses, npmPackage, parseJsonObject } from './package.js';

/** Returns the package a node_modules package.json describes, or none when it lacks a name or version. */
export function parsePackageJson(text: string): ParsedPackage[] {
  const doc = parseJsonObject(text, 'package.json');
  const name = asString(doc.name);
  const version = asString(doc.version);
  // nested package.json files ({"type":"module"}) and unpublished stubs have no identity
  if (!name || !version) return [];
  const pkg = npmPackage(name, version, npmLicenses(doc.license, doc.licenses));
  const homepage = asString(doc.homepage);
  if (homepage) pkg.metadata = { homepage };
  return [pkg];
}
