/** Content of a file handed to a cataloger: in memory for small files, a temp file for large ones. */
import { readFile } from 'node:fs/promises';
import type { AnalyzerFile } from '../layer/types.js';

export async function fileBytes(file: AnalyzerFile): Promise<Buffer> {
  if (file.content) return file.content;
  if (file.tempPath) return readFile(file.tempPath);
  return Buffer.alloc(0);
}

export async function fileText(file: AnalyzerFile): Promise<string> {
  return (await fileBytes(file)).toString('utf8');
}
