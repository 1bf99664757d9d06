/** Size caps for advisory inputs. Feeds are untrusted: every read is bounded. */

/** Caps applied while reading records from files, archives and downloads. */
export interface DbLimits {
  /** one record (a JSONL line, a .json file, a zip entry) */
  maxRecordBytes: number;
  /** decompressed bytes of one archive (.zip or .gz) */
  maxArchiveBytes: number;
  /** entries in one zip */
  maxEntries: number;
  /** bytes of one downloaded all.zip */
  maxDownloadBytes: number;
  /** a plain .json file (may hold an array of records) */
  maxJsonFileBytes: number;
}

/**
 * Defaults sized from the real export: the largest OSV record seen is under 100 KiB and the
 * largest per-ecosystem all.zip (Linux, npm) is a few hundred MiB uncompressed.
 */
export const DEFAULT_LIMITS: DbLimits = {
  maxRecordBytes: 8 * 1024 * 1024,
  maxArchiveBytes: 8 * 1024 * 1024 * 1024,
  maxEntries: 2_000_000,
  maxDownloadBytes: 2 * 1024 * 1024 * 1024,
  maxJsonFileBytes: 256 * 1024 * 1024,
};

/** Defaults with some caps replaced (tests and callers with tighter budgets). */
export function withLimits(over?: Partial<DbLimits>): DbLimits {
  return { ...DEFAULT_LIMITS, ...over };
}
