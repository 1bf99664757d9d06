/**
 * The RPM header blob as the package databases store it: no lead and no header magic, just
 * `il` (index entry count) and `dl` (data length), big-endian, then il 16-byte index entries
 * (tag, type, offset, count) and the data store. Only the tags asked for are decoded, each at most
 * once, so a header with a huge index costs one pass over the index and no more.
 * Format: rpm docs/manual/format.md and hregions.md.
 */

/** Tag numbers this cataloger reads (rpm lib/rpmtag.h). */
export const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  size: 1009,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  oldFilenames: 1027,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  longSize: 5009,
  modularityLabel: 5096,
} as const;

/** Value types (rpm rpmTagType). */
const TYPE = { int8: 2, int16: 3, int32: 4, int64: 5, string: 6, bin: 7, stringArray: 8, i18nString: 9 } as const;

/** rpm's own sanity limits for a header (lib/header.c hdrchkTags / hdrchkData). */
const MAX_TAGS = 0xffff;
const MAX_DATA = 0x0fffffff;

interface Entry {
  type: number;
  offset: number;
  count: number;
}

export interface RpmHeader {
  /** First string of a STRING, I18NSTRING or STRING_ARRAY tag. */
  string(tag: number): string | undefined;
  /** All strings of a STRING_ARRAY or I18NSTRING tag (a STRING tag gives one). */
  strings(tag: number): string[] | undefined;
  /** All values of an integer tag (INT8 … INT64). */
  ints(tag: number): number[] | undefined;
  /** First value of an integer tag. */
  int(tag: number): number | undefined;
}

/** Parses the index of a header blob; throws a short Error on anything malformed. */
export function parseRpmHeader(blob: Buffer): RpmHeader {
  if (blob.length < 8) throw new Error(`rpm header too short (${blob.length} bytes)`);
  const il = blob.readUInt32BE(0);
  const dl = blob.readUInt32BE(4);
  if (il === 0 || il > MAX_TAGS || dl > MAX_DATA) throw new Error(`rpm header has bad sizes (il=${il}, dl=${dl})`);
  const dataStart = 8 + il * 16;
  if (dataStart + dl > blob.length) throw new Error(`rpm header truncated (needs ${dataStart + dl} bytes, has ${blob.length})`);
  const data = blob.subarray(dataStart, dataStart + dl);
  const index = new Map<number, Entry>();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = blob.readInt32BE(at);
    if (index.has(tag)) continue;
    index.set(tag, { type: blob.readUInt32BE(at + 4), offset: blob.readInt32BE(at + 8), count: blob.readUInt32BE(at + 12) });
  }
  return makeReader(index, data);
}

function makeReader(index: Map<number, Entry>, data: Buffer): RpmHeader {
  const strings = (tag: number, max: number): string[] | undefined => {
    const e = index.get(tag);
    if (!e) return undefined;
    const isArray = e.type === TYPE.stringArray || e.type === TYPE.i18nString;
    if (!isArray && e.type !== TYPE.string) throw new Error(`rpm tag ${tag} has type ${e.type}, expected a string`);
    // every string takes at least its NUL byte, so a count above the data length is a lie
    if (e.offset < 0 || e.offset >= data.length || e.count > data.length - e.offset) {
      throw new Error(`rpm tag ${tag} points outside the header data`);
    }
    const n = Math.min(isArray ? e.count : 1, max);
    const out: string[] = [];
    let pos = e.offset;
    for (let i = 0; i < n; i++) {
      const end = data.indexOf(0, pos);
      if (end < 0) throw new Error(`rpm tag ${tag} has an unterminated string`);
      out.push(data.toString('utf8', pos, end));
      pos = end + 1;
    }
    return out;
  };
  const ints = (tag: number, max: number): number[] | undefined => {
    const e = index.get(tag);
    if (!e) return undefined;
    const width = e.type === TYPE.int8 ? 1 : e.type === TYPE.int16 ? 2 : e.type === TYPE.int32 ? 4 : e.type === TYPE.int64 ? 8 : 0;
    if (!width) throw new Error(`rpm tag ${tag} has type ${e.type}, expected an integer`);
    if (e.offset < 0 || e.count > (data.length - e.offset) / width) throw new Error(`rpm tag ${tag} points outside the header data`);
    const out: number[] = [];
    const n = Math.min(e.count, max);
    for (let i = 0; i < n; i++) {
      const at = e.offset + i * width;
      if (width === 1) out.push(data.readUInt8(at));
      else if (width === 2) out.push(data.readUInt16BE(at));
      else if (width === 4) out.push(data.readUInt32BE(at));
      else out.push(Number(data.readBigUInt64BE(at)));
    }
    return out;
  };
  return {
    string: (tag) => strings(tag, 1)?.[0],
    strings: (tag) => strings(tag, Number.MAX_SAFE_INTEGER),
    ints: (tag) => ints(tag, Number.MAX_SAFE_INTEGER),
    int: (tag) => ints(tag, 1)?.[0],
  };
}
