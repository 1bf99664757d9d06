/**
 * Offline verification of a Sigstore bundle file against an image digest: no registry, and with
 * --trusted-root (or the embedded public-good root) no network at all. DSSE bundles (cosign v3
 * image signatures, attestations) carry everything; a message-signature bundle signs the manifest
 * bytes, so it needs the manifest file too.
 */
import { readFile } from 'node:fs/promises';
import { BulwarkError, errorMessage } from '../shared/errors.js';
import { sha256 } from '../source/digest.js';
import { parseBundle } from './cosign.js';
import { isVerifyError } from './errors.js';
import { evalSigstore } from './evaluate.js';
import { makeContext } from './verify-image.js';
import { summarize } from './summarize.js';
import type { VerifyOptions, VerifyRequirements, VerifyResult } from './types.js';

const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

async function readCapped(path: string, what: string): Promise<Buffer> {
  const bytes = await readFile(path).catch((err: unknown) => {
    throw new BulwarkError('NOT_FOUND', `cannot read ${what} ${path}: ${errorMessage(err)}`);
  });
  if (bytes.length > MAX_BUNDLE_BYTES) throw new BulwarkError('TOO_LARGE', `${what} ${path} is larger than 4 MiB`);
  return bytes;
}

/** Verifies a bundle file for `digest`; `manifestPath` is needed only for message-signature bundles. */
export async function verifyBundleFile(bundlePath: string, digest: string, req: VerifyRequirements, opts: VerifyOptions & { manifestPath?: string } = {}): Promise<VerifyResult> {
  if (!DIGEST_RE.test(digest)) throw new BulwarkError('USAGE', `--digest must be sha256:<64 hex>, got ${JSON.stringify(digest.slice(0, 80))}`);
  if (req.notation) throw new BulwarkError('USAGE', 'notation signatures cannot be verified from a Sigstore bundle file');
  const ctx = await makeContext(req, { ...opts, offline: opts.offline ?? true }, digest, '');
  if (opts.manifestPath) {
    const manifest = await readCapped(opts.manifestPath, 'manifest');
    if (sha256(manifest) !== digest) throw new BulwarkError('DIGEST_MISMATCH', `manifest ${opts.manifestPath} does not hash to ${digest}`);
    ctx.manifest = manifest;
  }
  const origin = { layout: 'bundle-file' as const, source: bundlePath };
  let found;
  try {
    found = evalSigstore(ctx, parseBundle(await readCapped(bundlePath, 'bundle'), bundlePath), origin);
  } catch (err) {
    if (!isVerifyError(err)) throw err;
    found = { sig: { kind: 'cosign-key' as const, layout: origin.layout, source: bundlePath, ok: false, reason: err.reason, code: err.code } };
  }
  return summarize(req, { digest, warnings: ctx.warnings, where: bundlePath }, found.sig ? [found.sig] : [], found.att ? [found.att] : []);
}
