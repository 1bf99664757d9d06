/**
 * Installed-package metadata: *.dist-info/METADATA, *.egg-info/PKG-INFO and bare *.egg-info files.
 * All are RFC 822-style header blocks (core metadata spec); the body after the first blank line is
 * the long description and is ignored.
 */
import type { ParsedPackage } from '../../types.js';
import { isPythonName, isPythonVersion, pythonPackage } from './package.js';

/** A "License:" value longer than this is taken to be a pasted license text, not a name. */
const MAX_LICENSE_NAME = 120;

/** Header block of a metadata file: lower-cased field name -> values in order (Classifier repeats). */
export function parseMetadataHeaders(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') break;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last[last.length - 1] += '\n' + line.trim();
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) {
      last = undefined;
      continue;
    }
    const key = line.slice(0, i).trim().toLowerCase();
    const values = fields.get(key) ?? [];
    values.push(line.slice(i + 1).trim());
    fields.set(key, values);
    last = values;
  }
  return fields;
}

/** License-Expression (metadata 2.4), else a short License field, else the License :: classifiers. */
export function metadataLicenses(fields: Map<string, string[]>): string[] {
  const expr = fields.get('license-expression')?.[0];
  if (expr) return [expr];
  const license = fields.get('license')?.[0];
  if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= MAX_LICENSE_NAME) return [license];
  const out: string[] = [];
  for (const c of fields.get('classifier') ?? []) {
    const parts = c.split('::').map((p) => p.trim());
    if (parts[0] !== 'License' || parts.length < 2) continue;
    const last = parts[parts.length - 1]!;
    // "License :: OSI Approved" alone says nothing about which license
    if (last === 'OSI Approved' || out.includes(last)) continue;
    out.push(last);
  }
  return out;
}

/** The package an installed metadata file describes; throws when Name or Version is missing or bad. */
export function parsePythonMetadata(text: string): ParsedPackage[] {
  const fields = parseMetadataHeaders(text);
  const name = fields.get('name')?.[0];
  const version = fields.get('version')?.[0];
  if (!name || !version) throw new Error('python metadata without Name or Version');
  if (!isPythonName(name)) throw new Error('python metadata with an invalid Name');
  if (!isPythonVersion(version)) throw new Error('python metadata with an invalid Version');
  const metadata: Record<string, unknown> = {};
  const author = fields.get('author')?.[0] ?? fields.get('author-email')?.[0];
  if (author) metadata.author = author;
  const home = fields.get('home-page')?.[0];
  if (home && home !== 'UNKNOWN') metadata.homepage = home;
  const licenseFiles = fields.get('license-file');
  if (licenseFiles?.length) metadata.licenseFiles = licenseFiles;
  const requiresPython = fields.get('requires-python')?.[0];
  if (requiresPython) metadata.requiresPython = requiresPython;
  return [pythonPackage({ name, version, licenses: metadataLicenses(fields), metadata })];
}
