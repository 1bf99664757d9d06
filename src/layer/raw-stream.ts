/**
 * A layer blob -> its uncompressed tar bytes: sniff the compression, hash the stored bytes (blob digest),
 * decompress, hash the tar (diffID) and stop decompression bombs. The stored bytes' digest can come from
 * elsewhere (the digest worker reading the same file region in parallel, src/layer/offload).
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { BulwarkError } from '../shared/errors.js';
import { decompressor, sniffCompression } from './decompress.js';
import type { Limits } from './limits.js';

export interface RawStreamOptions {
  limits: Limits;
  /** hash both digests (default true) */
  verify: boolean;
  /** stored (compressed) bytes read so far */
  onBytes?: (n: number) => void;
  /** the stored bytes' sha256, computed elsewhere: this stream then leaves them unhashed */
  storedDigest?: Promise<string>;
}

/** What the stream learnt once it ended. */
export interface RawStreamSummary {
  /** sha256 of the stored bytes (equal to rawDigest for an uncompressed blob); absent without verify */
  blobDigest?: string;
  /** sha256 of the tar: the diffID; absent without verify */
  rawDigest?: string;
  rawBytes: number;
}

export interface RawStream {
  /** the uncompressed tar */
  stream: Readable;
  /** settles when the stream ended: rejects with the first error of any stage */
  summary: Promise<RawStreamSummary>;
  /** stops reading (the consumer failed) */
  destroy(): void;
}

/** Counts (and, when asked, hashes) bytes passing through; optional guard after each chunk. */
class Meter extends Transform {
  readonly hash: Hash | undefined;
  bytes = 0;
  constructor(
    private readonly guard?: (bytes: number) => void,
    hashing = true,
  ) {
    super();
    this.hash = hashing ? createHash('sha256') : undefined;
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
    if (this.guard) {
      try {
        this.guard(this.bytes);
      } catch (err) {
        cb(err as Error);
        return;
      }
    }
    cb(null, chunk);
  }
}

/** Yields the first chunk after looking at it, then the rest, so compression can be sniffed. */
async function peekStream(src: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const it = src[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value as Buffer;
    }
  }
  return { head, stream: Readable.from(rest(), { objectMode: false }) };
}

/** The bomb guard: absolute size, and the expansion ratio once past the floor. */
function bombGuard(limits: Limits, compressed: boolean, storedBytes: () => number): (raw: number) => void {
  return (raw) => {
    if (raw > limits.maxLayerBytes) {
      throw new BulwarkError('DECOMPRESSION_BOMB', `layer expands beyond ${limits.maxLayerBytes} bytes`);
    }
    if (compressed && raw > limits.ratioFloorBytes && raw / Math.max(1, storedBytes()) > limits.maxRatio) {
      throw new BulwarkError(
        'DECOMPRESSION_BOMB',
        `decompression bomb: ${storedBytes()} compressed bytes expand past ${raw} (ratio over ${limits.maxRatio}:1)`,
      );
    }
  };
}

export async function openRawStream(blob: Readable, opts: RawStreamOptions): Promise<RawStream> {
  const { head, stream } = await peekStream(blob);
  const compression = sniffCompression(head);
  // Both digests are checked: the blob digest (the manifest's claim about the stored bytes) and the
  // diffID (the config's claim about the content). A re-compressed or tampered blob with the same content
  // is still a mismatch with what the manifest promised, and is reported.
  const external = opts.verify ? opts.storedDigest : undefined;
  const hashBlob = opts.verify && !external && compression !== 'none';
  const stored = new Meter((n) => opts.onBytes?.(n), hashBlob);
  // an uncompressed blob's digest is its diffID: with the stored digest given, nothing is hashed here
  const hashRaw = opts.verify && !(external && compression === 'none');
  const raw = new Meter(bombGuard(opts.limits, compression !== 'none', () => stored.bytes), hashRaw);
  const stages: NodeJS.ReadWriteStream[] = [stored];
  const d = decompressor(compression);
  if (d) stages.push(d);
  stages.push(raw);
  const summary = new Promise<RawStreamSummary>((resolve, reject) => {
    (pipeline as unknown as (...a: unknown[]) => void)(stream, ...stages, (err: unknown) => {
      if (err) {
        raw.destroy(err as Error);
        reject(err);
        return;
      }
      const rawHashed = raw.hash ? `sha256:${raw.hash.digest('hex')}` : undefined;
      const storedHashed = stored.hash ? `sha256:${stored.hash.digest('hex')}` : undefined;
      (external ?? Promise.resolve(compression === 'none' ? rawHashed : storedHashed)).then((blobDigest) => {
        const rawDigest = compression === 'none' ? blobDigest : rawHashed;
        resolve({ blobDigest, rawDigest, rawBytes: raw.bytes });
      }, reject);
    });
  });
  // the consumer reads the summary only after the tar ended; an early failure must not be unhandled
  summary.catch(() => {});
  return { stream: raw, summary, destroy: () => stream.destroy() };
}
