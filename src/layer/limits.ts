/** Limits that keep a hostile layer from exhausting memory, disk or time. Overridable by env for big images. */

function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  if (!v) return fallback;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export interface Limits {
  /** largest uncompressed layer accepted */
  maxLayerBytes: number;
  /** largest compression ratio accepted once more than ratioFloorBytes came out */
  maxRatio: number;
  ratioFloorBytes: number;
  /** files above this are handed to analyzers as temp files, not buffers */
  spoolBytes: number;
  /** most entries in one layer */
  maxEntries: number;
}

export function defaultLimits(): Limits {
  return {
    maxLayerBytes: envNumber('BULWARK_MAX_LAYER_BYTES', 64 * 1024 ** 3),
    maxRatio: envNumber('BULWARK_MAX_RATIO', 1000),
    ratioFloorBytes: envNumber('BULWARK_RATIO_FLOOR_BYTES', 256 * 1024 ** 2),
    spoolBytes: envNumber('BULWARK_SPOOL_BYTES', 8 * 1024 ** 2),
    maxEntries: envNumber('BULWARK_MAX_ENTRIES', 5_000_000),
  };
}
