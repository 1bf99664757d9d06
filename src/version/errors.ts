/**
 * Errors raised by the version comparators. A version string usually comes from an
 * image (package databases, lockfiles) or from an advisory, so it is attacker-influenced:
 * every parser first bounds its length and then does linear work.
 *
 * These stay local to src/version rather than in src/shared/errors.ts: a bad version is
 * never fatal to a scan (the matcher logs it and skips, as trivy and grype do), so it
 * needs no exit status.
 */

export type VersionErrorCode = 'INVALID_VERSION' | 'UNKNOWN_SCHEME';

/** Longest version string any comparator accepts; real versions are far shorter. */
export const MAX_VERSION_LENGTH = 256;

export class VersionError extends Error {
  readonly code: VersionErrorCode;
  readonly scheme: string;
  readonly input: string;
  constructor(code: VersionErrorCode, scheme: string, input: string, reason: string) {
    // Clip the echoed input so a hostile string cannot flood logs.
    super(`${scheme}: invalid version "${input.slice(0, 64)}": ${reason}`);
    this.name = 'VersionError';
    this.code = code;
    this.scheme = scheme;
    this.input = input;
  }
}

/** Throws a VersionError for the scheme. */
export function invalidVersion(scheme: string, input: string, reason: string): never {
  throw new VersionError('INVALID_VERSION', scheme, input, reason);
}

/** Rejects non-strings, empty strings (unless allowed) and strings over MAX_VERSION_LENGTH. */
export function checkBounded(scheme: string, input: string, allowEmpty = false): void {
  if (typeof input !== 'string') invalidVersion(scheme, String(input), 'not a string');
  if (input.length === 0 && !allowEmpty) invalidVersion(scheme, input, 'empty');
  if (input.length > MAX_VERSION_LENGTH) {
    invalidVersion(scheme, input, `longer than ${MAX_VERSION_LENGTH} characters`);
  }
}

/** Runs a parser and reports whether it accepted the input (for the isValid* functions). */
export function accepts(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (err) {
    if (err instanceof VersionError) return false;
    throw err;
  }
}

export function isVersionError(err: unknown, code?: VersionErrorCode): err is VersionError {
  return err instanceof VersionError && (code === undefined || err.code === code);
}
