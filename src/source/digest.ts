import { createHash } from 'node:crypto';
import { BulwarkError } from '../shared/errors.js';

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Checks small blobs (manifests, configs) against their digest. */
export function verifyBytes(bytes: Buffer, digest: string, what: string): void {
  const [algo] = digest.split(':');
  if (algo !== 'sha256' && algo !== 'sha512') return;
  const got = `${algo}:${createHash(algo).update(bytes).digest('hex')}`;
  if (got !== digest) throw new BulwarkError('DIGEST_MISMATCH', `${what} digest mismatch: expected ${digest}, got ${got}`);
}
