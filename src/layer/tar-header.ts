/**
 * Tar header decoding for the layer walker (tar-entries.ts) and the archive index (source/tar-index.ts),
 * with the same results as tar-stream: ustar and GNU headers, GNU long names and links, pax path/linkpath/size
 * (global pax records as defaults), the "trailing slash means directory" rule of old tars, a zero block
 * decoded as null, and a bad checksum or unknown magic rejected.
 */

export const BLOCK = 512;
/** bytes a body of n bytes takes in the archive (whole blocks) */
export const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;
/** longest pax or GNU long-name record accepted (tar-stream's limit) */
export const MAX_LONG_HEADER = 4 * 1024 * 1024;

export type TarType =
  | 'file'
  | 'link'
  | 'symlink'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'fifo'
  | 'contiguous-file'
  | 'pax-header'
  | 'pax-global-header'
  | 'gnu-long-link-path'
  | 'gnu-long-path'
  | null;

export interface TarHeader {
  name: string;
  type: TarType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string | null;
}

function toType(flag: number): TarType {
  switch (flag) {
    case 0:
      return 'file';
    case 1:
      return 'link';
    case 2:
      return 'symlink';
    case 3:
      return 'character-device';
    case 4:
      return 'block-device';
    case 5:
      return 'directory';
    case 6:
      return 'fifo';
    case 7:
      return 'contiguous-file';
    case 72: // 'x'
      return 'pax-header';
    case 55: // 'g'
      return 'pax-global-header';
    case 27: // 'K'
      return 'gnu-long-link-path';
    case 28: // 'L'
    case 30: // 'N'
      return 'gnu-long-path';
  }
  return null;
}

function cksum(b: Buffer): number {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += b[i]!;
  for (let i = 156; i < BLOCK; i++) sum += b[i]!;
  return sum;
}

/** GNU base-256 numbers: 0x80 positive, 0xff two's complement negative. */
function parse256(b: Buffer, off: number, len: number): number {
  const positive = b[off] === 0x80;
  if (!positive && b[off] !== 0xff) return NaN;
  let sum = 0;
  for (let i = off + 1; i < off + len; i++) sum = sum * 256 + (positive ? b[i]! : 0xff - b[i]!);
  return positive ? sum : -sum;
}

function decodeOct(b: Buffer, off: number, len: number): number {
  if (b[off]! & 0x80) return parse256(b, off, len);
  let i = off;
  const end0 = off + len;
  while (i < end0 && b[i] === 32) i++;
  let end = i;
  while (end < end0 && b[end] !== 32) end++;
  while (i < end && b[i] === 0) i++;
  if (end === i) return 0;
  return parseInt(b.toString('latin1', i, end), 8);
}

function decodeStr(b: Buffer, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return b.toString('utf8', off, end);
}

function magicIs(b: Buffer, magic: string, version: string): boolean {
  return b.toString('latin1', 257, 263) === magic && b.toString('latin1', 263, 265) === version;
}

/**
 * Decodes one 512-byte header block; null for an all-zero block. Throws on a bad checksum, and on a header
 * that is neither ustar nor GNU unless allowUnknownFormat (old v7 archives; tar-stream's option too).
 */
export function decodeHeader(b: Buffer, opts: { allowUnknownFormat?: boolean } = {}): TarHeader | null {
  const c = cksum(b);
  if (c === 8 * 32) return null;
  if (c !== decodeOct(b, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?');
  let flag = b[156] === 0 ? 0 : b[156]! - 48;
  let name = decodeStr(b, 0, 100);
  if (magicIs(b, 'ustar\0', '00')) {
    if (b[345]) name = `${decodeStr(b, 345, 155)}/${name}`;
  } else if (!opts.allowUnknownFormat && !magicIs(b, 'ustar ', ' \0')) {
    throw new Error('Invalid tar header: unknown format.');
  }
  if (flag === 0 && name.endsWith('/')) flag = 5;
  return {
    name,
    type: toType(flag),
    mode: decodeOct(b, 100, 8),
    uid: decodeOct(b, 108, 8),
    gid: decodeOct(b, 116, 8),
    size: decodeOct(b, 124, 12),
    linkname: b[157] === 0 ? null : decodeStr(b, 157, 100),
  };
}

/** pax records "<len> <key>=<value>\n", read until the first malformed one. */
export function decodePax(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < buf.length) {
    let sp = pos;
    while (sp < buf.length && buf[sp] !== 32) sp++;
    const len = parseInt(buf.toString('utf8', pos, sp), 10);
    if (!len) return out;
    const rec = buf.toString('utf8', sp + 1, pos + len - 1);
    const eq = rec.indexOf('=');
    if (eq === -1) return out;
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    pos += len;
  }
  return out;
}

/** A GNU long name or link record: the bytes up to the first NUL. */
export function decodeLongPath(buf: Buffer): string {
  return decodeStr(buf, 0, buf.length);
}

/** Long-header state between headers: what the next real entry inherits. */
export class LongHeaders {
  private longPath: string | null = null;
  private longLink: string | null = null;
  private pax: Record<string, string> | null = null;
  private paxGlobal: Record<string, string> | null = null;

  /** True when the header is a long-name or pax record; its body is passed to take(). */
  static isLong(h: TarHeader): boolean {
    return h.type === 'gnu-long-path' || h.type === 'gnu-long-link-path' || h.type === 'pax-global-header' || h.type === 'pax-header';
  }

  take(h: TarHeader, body: Buffer): void {
    if (h.type === 'gnu-long-path') this.longPath = decodeLongPath(body);
    else if (h.type === 'gnu-long-link-path') this.longLink = decodeLongPath(body);
    else if (h.type === 'pax-global-header') this.paxGlobal = decodePax(body);
    else if (h.type === 'pax-header') this.pax = this.paxGlobal === null ? decodePax(body) : { ...this.paxGlobal, ...decodePax(body) };
  }

  /** Applies and clears the pending records on a real entry's header. */
  apply(h: TarHeader): void {
    if (this.longPath) h.name = this.longPath;
    if (this.longLink) h.linkname = this.longLink;
    this.longPath = this.longLink = null;
    if (this.pax) {
      if (this.pax.path) h.name = this.pax.path;
      if (this.pax.linkpath) h.linkname = this.pax.linkpath;
      if (this.pax.size) h.size = parseInt(this.pax.size, 10);
      this.pax = null;
    }
  }
}
