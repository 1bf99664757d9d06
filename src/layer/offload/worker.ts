/**
 * The digest worker: sha256 of a byte range of a local file, read into one reused buffer (no garbage, so
 * the thread's memory stays flat), one message back. Hashing runs here, on the second core, while the
 * main thread parses the same layer.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker, WireError } from './protocol.js';

const port = parentPort!;
const buf = Buffer.allocUnsafeSlow(1024 * 1024);

/**
 * Synchronous reads: this thread does nothing else, and a thread-pool round trip per MiB only costs. One
 * region is hashed to its end before the next message is taken, so the shared buffer is safe.
 */
function hashRegion(file: string, start: number, size: number): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    let pos = start;
    const end = start + size;
    while (pos < end) {
      const bytesRead = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (bytesRead === 0) throw Object.assign(new Error(`unexpected end of file at byte ${pos - start} of ${size}`), { code: 'Z_BUF_ERROR' });
      h.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
  return `sha256:${h.digest('hex')}`;
}

function wireError(err: unknown): WireError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? { message, code } : { message };
}

port.on('message', (m: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { type: 'digest', id: m.id, digest: hashRegion(m.file, m.start, m.size) };
  } catch (err) {
    reply = { type: 'error', id: m.id, error: wireError(err) };
  }
  port.postMessage(reply);
});
