/** Small file helpers shared by sources and walkers. */
import { open } from 'node:fs/promises';

/** The first `n` bytes of a file, or of the part starting at `start` (fewer when the file is shorter). */
export async function readHead(path: string, n: number, start = 0): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const { bytesRead } = await fh.read(b, 0, n, start);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
