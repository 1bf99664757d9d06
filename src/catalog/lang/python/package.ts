/** Building PyPI packages: PEP 503 name normalisation, purls and the checks every parser shares. */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';

/** PEP 508 project names: ASCII letters, digits, ".", "_" and "-", starting and ending alphanumeric. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,198}[A-Za-z0-9])?$/;
/** Versions as lockfiles and metadata write them: PEP 440 and legacy forms, but never whitespace. */
const VERSION = /^[A-Za-z0-9!+._*-]{1,128}$/;

/** PEP 503: lower case, and every run of "-", "_" and "." becomes one "-". */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** True for a name PEP 508 accepts. */
export function isPythonName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name);
}

/** True for a plausible version string (no spaces, bounded length). */
export function isPythonVersion(version: unknown): version is string {
  return typeof version === 'string' && VERSION.test(version);
}

export interface PythonPackageInput {
  name: string;
  version: string;
  licenses?: string[];
  metadata?: Record<string, unknown>;
}

/**
 * A pypi package: the name stays as the file writes it (Debian's "PyYAML"), the purl carries the
 * PEP 503 form so that the same project found by different files gets the same purl.
 */
export function pythonPackage(input: PythonPackageInput): ParsedPackage {
  const normalized = normalizePythonName(input.name);
  const metadata: Record<string, unknown> = { ...input.metadata };
  if (normalized !== input.name) metadata.normalizedName = normalized;
  return {
    name: input.name,
    version: input.version,
    type: 'pypi',
    purl: purl('pypi', undefined, normalized, input.version),
    licenses: input.licenses ?? [],
    metadata,
  };
}
