/**
 * Promise wrappers over yauzl (random access: only the central directory and the entries we ask
 * for are read). Every read is charged to a shared inflate budget so nested archives cannot add up
 * to a zip bomb, and yauzl checks each entry's inflated size against its declared size.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface InflateBudget {
  /** bytes still allowed to be inflated for this top-level file */
  remaining: number;
}

export class BudgetExceeded extends Error {}

const OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true } as const;

/** Opens a zip held in memory or on disk. */
export function openZip(source: Buffer | string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile): void => (err || !zip ? reject(shortError(err)) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, OPTIONS, done);
    else yauzl.fromBuffer(source, OPTIONS, done);
  });
}

function shortError(err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  return new Error(`bad zip archive: ${msg.split('\n')[0]!.slice(0, 100)}`);
}

/** All entries of the central directory (at most maxEntries; the rest are ignored). */
export function listEntries(zip: ZipFile, maxEntries: number): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      if (out.length >= maxEntries) resolve(out);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err) => reject(shortError(err)));
    zip.readEntry();
  });
}

/** Inflates one entry, refusing it up front when its declared size exceeds maxBytes or the budget. */
export function readEntry(zip: ZipFile, entry: Entry, maxBytes: number, budget: InflateBudget): Promise<Buffer> {
  const size = entry.uncompressedSize;
  if (size > maxBytes) return Promise.reject(new Error(`${entry.fileName}: ${size} bytes exceeds the ${maxBytes}-byte limit`));
  if (size > budget.remaining) return Promise.reject(new BudgetExceeded(`inflate budget exhausted at ${entry.fileName}`));
  budget.remaining -= size;
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(shortError(err));
      const chunks: Buffer[] = [];
      let got = 0;
      stream.on('data', (c: Buffer) => {
        got += c.length;
        // yauzl already errors when inflated bytes exceed the declared size; this is belt and braces
        if (got > size) stream.destroy(new Error(`${entry.fileName}: inflates beyond its declared size`));
        else chunks.push(c);
      });
      stream.on('error', (e) => reject(shortError(e)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
