/**
 * Reads the .json entries of a zip (an OSV all.zip) as untrusted input: entry count, each
 * entry's size and the total uncompressed size are capped before anything is inflated, and
 * yauzl checks that the inflated size matches the declared one.
 */
import { BulwarkError, errorMessage } from '../../shared/errors.js';
import yauzl from 'yauzl';
import type { DbLimits } from './limits.js';

/** One entry's text, or why it was skipped (too large). */
export interface ZipItem {
  origin: string;
  text?: string;
  error?: string;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip),
    );
  });
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry): void => (cleanup(), resolve(e));
    const onEnd = (): void => (cleanup(), resolve(null));
    const onError = (err: Error): void => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('cannot read entry'));
      const parts: Buffer[] = [];
      let len = 0;
      stream.on('data', (d: Buffer) => {
        len += d.length;
        if (len > max) stream.destroy(new Error(`entry ${entry.fileName} inflates beyond ${max} bytes`));
        else parts.push(d);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(parts, len)));
    });
  });
}

/** Yields the text of every `*.json` entry of the zip at `path`. Throws ARCHIVE_CORRUPT or DECOMPRESSION_BOMB. */
export async function* readZipRecords(path: string, limits: DbLimits): AsyncGenerator<ZipItem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw new BulwarkError('ARCHIVE_CORRUPT', `${path}: not a readable zip (${errorMessage(err)})`, err);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new BulwarkError('DECOMPRESSION_BOMB', `${path}: ${zip.entryCount} entries (limit ${limits.maxEntries})`);
  }
  let total = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = entry.fileName;
      if (name.endsWith('/') || !name.toLowerCase().endsWith('.json')) continue;
      const origin = `${path}:${name}`;
      if (entry.uncompressedSize > limits.maxRecordBytes) {
        yield { origin, error: `entry of ${entry.uncompressedSize} bytes exceeds the record limit` };
        continue;
      }
      total += entry.uncompressedSize;
      if (total > limits.maxArchiveBytes) {
        throw new BulwarkError('DECOMPRESSION_BOMB', `${path}: inflates beyond ${limits.maxArchiveBytes} bytes`);
      }
      const buf = await readEntry(zip, entry, limits.maxRecordBytes);
      yield { origin, text: buf.toString('utf8') };
    }
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    throw new BulwarkError('ARCHIVE_CORRUPT', `${path}: corrupt zip (${errorMessage(err)})`, err);
  } finally {
    zip.close();
  }
}
