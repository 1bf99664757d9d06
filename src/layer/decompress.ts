/** Compression sniffing and streaming decompression (native zlib for gzip, fzstd for zstd). */
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Compression } from '../source/types.js';

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

export function compressionFromMediaType(mediaType: string): Compression | undefined {
  if (mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip')) return 'gzip';
  if (mediaType.endsWith('+zstd')) return 'zstd';
  if (mediaType.endsWith('.tar') || mediaType.endsWith('diff.tar')) return 'none';
  return undefined;
}

class ZstdDecompress extends Transform {
  private readonly d: Decompress;
  constructor() {
    super();
    this.d = new Decompress((chunk) => {
      this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (err) {
      cb(new Error(`zstd: ${(err as Error).message}`));
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(0), true);
      cb();
    } catch (err) {
      cb(new Error(`zstd: ${(err as Error).message}`));
    }
  }
}

export function decompressor(c: Compression): Transform | undefined {
  if (c === 'gzip') return createGunzip({ chunkSize: 256 * 1024 });
  if (c === 'zstd') return new ZstdDecompress();
  return undefined;
}
