/**
 * Typed errors. Every failure the user can cause (bad input, bad registry, bad flags)
 * is a BulwarkError with a stable code; the CLI prints its one-line message and exits
 * with the code's exit status. Anything else is an internal error.
 */

export const EXIT = {
  ok: 0,
  /** findings at or above the gate (--exit-code chooses the value; this is the default) */
  findings: 1,
  usage: 2,
  badInput: 3,
  registry: 4,
  internal: 5,
  database: 6,
} as const;

export type ErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_TRUNCATED'
  | 'DIGEST_MISMATCH'
  | 'UNSAFE_PATH'
  | 'SYMLINK_LOOP'
  | 'DECOMPRESSION_BOMB'
  | 'MALFORMED_MANIFEST'
  | 'MALFORMED_CONFIG'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  | 'NO_MATCHING_PLATFORM'
  | 'REGISTRY_UNREACHABLE'
  | 'REGISTRY_UNAUTHORIZED'
  | 'REGISTRY_NOT_FOUND'
  | 'REGISTRY_ERROR'
  | 'DB_ERROR'
  | 'IO_ERROR';

const exitFor: Record<ErrorCode, number> = {
  USAGE: EXIT.usage,
  NOT_FOUND: EXIT.badInput,
  ARCHIVE_CORRUPT: EXIT.badInput,
  ARCHIVE_TRUNCATED: EXIT.badInput,
  DIGEST_MISMATCH: EXIT.badInput,
  UNSAFE_PATH: EXIT.badInput,
  SYMLINK_LOOP: EXIT.badInput,
  DECOMPRESSION_BOMB: EXIT.badInput,
  MALFORMED_MANIFEST: EXIT.badInput,
  MALFORMED_CONFIG: EXIT.badInput,
  UNSUPPORTED_MEDIA_TYPE: EXIT.badInput,
  TOO_LARGE: EXIT.badInput,
  NO_MATCHING_PLATFORM: EXIT.badInput,
  REGISTRY_UNREACHABLE: EXIT.registry,
  REGISTRY_UNAUTHORIZED: EXIT.registry,
  REGISTRY_NOT_FOUND: EXIT.registry,
  REGISTRY_ERROR: EXIT.registry,
  DB_ERROR: EXIT.database,
  IO_ERROR: EXIT.internal,
};

export class BulwarkError extends Error {
  readonly code: ErrorCode;
  override readonly cause?: unknown;
  constructor(code: ErrorCode, message: string, cause?: unknown) {
    super(message);
    this.name = 'BulwarkError';
    this.code = code;
    this.cause = cause;
  }
  get exitCode(): number {
    return exitFor[this.code];
  }
}

export function isBulwarkError(err: unknown, code?: ErrorCode): err is BulwarkError {
  return err instanceof BulwarkError && (code === undefined || err.code === code);
}

/** Adds context ("in layer 2 (sha256:ab12…)") to a BulwarkError, or wraps another error. */
export function withContext(err: unknown, context: string, fallback: ErrorCode = 'ARCHIVE_CORRUPT'): BulwarkError {
  if (err instanceof BulwarkError) {
    if (err.message.includes(context)) return err;
    return new BulwarkError(err.code, `${err.message} ${context}`, err.cause);
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new BulwarkError(fallback, `${msg} ${context}`, err);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
