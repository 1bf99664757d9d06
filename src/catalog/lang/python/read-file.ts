/** Text of an analyzer file, whether it arrived in memory or spooled to a temp file. */
import { open, readFile } from 'node:fs/promises';
import type { AnalyzerFile } from '../../types.js';

/**
 * Decodes UTF-8, honouring a byte order mark as pip does: `pip freeze > requirements.txt` in
 * Windows PowerShell writes UTF-16LE with a BOM.
 */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

/** The file as text; with `limit`, only its first `limit` bytes (enough for a header block). */
export async function readText(file: AnalyzerFile, limit?: number): Promise<string> {
  if (file.content) return decodeText(limit ? file.content.subarray(0, limit) : file.content);
  if (!file.tempPath) return '';
  if (!limit) return decodeText(await readFile(file.tempPath));
  const fh = await open(file.tempPath, 'r');
  try {
    const buf = Buffer.alloc(Math.min(limit, file.size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return decodeText(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}
