/** Text of an analyzer file, whether it arrived in memory or spooled to a temp file. */
import { open, readFile } from 'node:fs/promises';
import type { AnalyzerFile } from '../../types.js';

/** The file as UTF-8; with `limit`, only its first `limit` bytes (enough for a header block). */
export async function readText(file: AnalyzerFile, limit?: number): Promise<string> {
  if (file.content) return (limit ? file.content.subarray(0, limit) : file.content).toString('utf8');
  if (!file.tempPath) return '';
  if (!limit) return readFile(file.tempPath, 'utf8');
  const fh = await open(file.tempPath, 'r');
  try {
    const buf = Buffer.alloc(Math.min(limit, file.size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
