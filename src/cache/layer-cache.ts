/**
 * Per-layer results on disk, keyed by diffID plus the analyzers' names and versions.
 * Writes go to a unique temp file then rename(2) into place, so concurrent scans never see a
 * half-written entry and never block each other; the last writer wins with identical content.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { FileTable, type FileColumns } from '../layer/file-table.js';
import type { LayerAnalysis, LayerAnalyzer } from '../layer/types.js';

/**
 * 3: gzip of: the analysis without `files` (u32 length + JSON), the file table's small parts (u32 length +
 * JSON: row count, directories, link targets, out-of-range numbers), then its columns as raw bytes in the
 * machine's byte order (the key includes it). Read back straight into the table's typed arrays: no
 * JSON.parse of 300k entries, no object per file (2 was JSON lines of file objects, 1 one JSON document).
 */
const FORMAT = 3;

export function analyzersKey(analyzers: LayerAnalyzer[]): string {
  const sig = analyzers.map((a) => `${a.name}@${a.version}`).sort().join(',');
  return createHash('sha256').update(`${FORMAT}${endianness()}|${sig}`).digest('hex').slice(0, 16);
}

function entryFile(layersDir: string, diffId: string, key: string): string | undefined {
  const m = /^sha256:([a-f0-9]{64})$/.exec(diffId);
  return m ? join(layersDir, `${m[1]}-${key}.bin.gz`) : undefined;
}

type Meta = Pick<FileColumns, 'rows' | 'dirs' | 'links' | 'wide'> & { nameBytes: number };
type Column = Exclude<keyof FileColumns, keyof Meta>;
/** the columns in file order, with their element type */
const COLUMNS: [Column, new (n: number) => Uint8Array | Uint32Array | Float64Array][] = [
  ['dirOf', Uint32Array],
  ['nameEnd', Uint32Array],
  ['types', Uint8Array],
  ['modes', Uint32Array],
  ['uids', Uint32Array],
  ['gids', Uint32Array],
  ['sizes', Float64Array],
];

function json(v: unknown): Buffer[] {
  const body = Buffer.from(JSON.stringify(v), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(body.length);
  return [len, body];
}

const bytesOf = (a: Uint8Array | Uint32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The cache entry's pieces, in order (the columns are views of the table, not copies). */
function* encode(analysis: LayerAnalysis): Generator<Buffer> {
  const { files, ...rest } = analysis;
  const c = files.columns();
  yield* json(rest);
  yield* json({ rows: c.rows, nameBytes: c.names.length, dirs: c.dirs, links: c.links, wide: c.wide } satisfies Meta);
  for (const [col] of COLUMNS) yield bytesOf(c[col]);
  yield bytesOf(c.names);
}

/** gzip expands at most ~1032:1: no part of an entry can be larger than that times the file */
const MAX_GZIP_RATIO = 1032;

/**
 * Reads exact byte counts from a stream of chunks, copying each chunk once into its destination.
 * `check(n)` refuses a length no entry of this file size can hold (a damaged length field), before anything
 * of that size is allocated.
 */
class ChunkReader {
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  constructor(
    private readonly it: AsyncIterator<Buffer>,
    private readonly maxBytes: number,
  ) {}
  check(n: number): number {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.maxBytes) throw new Error('damaged cache entry');
    return n;
  }
  async fill(dst: Uint8Array): Promise<void> {
    for (let n = 0; n < dst.length; ) {
      if (this.at === this.chunk.length) {
        const r = await this.it.next();
        if (r.done) throw new Error('truncated cache entry');
        this.chunk = r.value;
        this.at = 0;
      }
      const take = Math.min(dst.length - n, this.chunk.length - this.at);
      dst.set(this.chunk.subarray(this.at, this.at + take), n);
      n += take;
      this.at += take;
    }
  }
  async json<T>(): Promise<T> {
    const len = Buffer.alloc(4);
    await this.fill(len);
    const body = Buffer.alloc(this.check(len.readUInt32LE()));
    await this.fill(body);
    return JSON.parse(body.toString('utf8')) as T;
  }
  async atEnd(): Promise<boolean> {
    if (this.at < this.chunk.length) return false;
    for (;;) {
      const r = await this.it.next();
      if (r.done) return true;
      if (r.value.length) return false;
    }
  }
}

async function readEntry(file: string): Promise<LayerAnalysis> {
  let out: LayerAnalysis | undefined;
  const maxBytes = (await stat(file)).size * MAX_GZIP_RATIO;
  await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    const r = new ChunkReader(source[Symbol.asyncIterator](), maxBytes);
    const head = await r.json<Omit<LayerAnalysis, 'files'>>();
    const meta = await r.json<Meta>();
    r.check(meta.rows * 8);
    r.check(meta.nameBytes);
    const cols: Partial<FileColumns> = {};
    for (const [col, Type] of COLUMNS) {
      const a = new Type(meta.rows);
      await r.fill(new Uint8Array(a.buffer));
      (cols as Record<string, unknown>)[col] = a;
    }
    const names = Buffer.alloc(meta.nameBytes);
    await r.fill(names);
    if (!(await r.atEnd())) throw new Error('trailing data in cache entry');
    const files = FileTable.fromColumns({ ...(cols as FileColumns), rows: meta.rows, dirs: meta.dirs, links: meta.links, wide: meta.wide, names });
    // the walker's key order (files after size)
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(head)) {
      o[k] = v;
      if (k === 'size') o.files = files;
    }
    o.files ??= files;
    out = o as unknown as LayerAnalysis;
  });
  if (!out) throw new Error('empty cache entry');
  return out;
}

export async function getCachedLayer(layersDir: string, diffId: string, key: string): Promise<LayerAnalysis | undefined> {
  const f = entryFile(layersDir, diffId, key);
  if (!f) return undefined;
  try {
    const data = await readEntry(f);
    return data.diffId === diffId ? data : undefined;
  } catch {
    return undefined; // missing or damaged entries are simply recomputed
  }
}

export async function putCachedLayer(layersDir: string, key: string, analysis: LayerAnalysis): Promise<void> {
  const f = entryFile(layersDir, analysis.diffId, key);
  if (!f) return;
  const tmp = `${f}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(Readable.from(encode(analysis), { objectMode: false }), createGzip({ level: 1 }), createWriteStream(tmp, { mode: 0o600 }));
    await rename(tmp, f);
  } catch {
    await rm(tmp, { force: true });
  }
}
