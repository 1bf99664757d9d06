/**
 * Sigstore trust material: a trusted_root.json given by the user (private deployments, offline use),
 * else the public-good root refreshed through TUF (best-effort), else the root embedded in the
 * @sigstore/tuf package (its seeds.json, the same file the TUF client bootstraps from).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { getTrustedRoot } from '@sigstore/tuf';
import { BulwarkError, errorMessage } from '../shared/errors.js';
import { resolveCacheDir } from '../cache/dirs.js';

const PUBLIC_GOOD_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
const MAX_ROOT_BYTES = 1024 * 1024;
const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\.v0\.1)?\+json(;version=0\.1)?$/;

/** A trusted root and where it came from (for messages). */
export interface LoadedRoot {
  root: TrustedRoot;
  source: string;
  warnings: string[];
}

/** Parses trusted_root.json bytes; throws USAGE naming the file when it is not one. */
export function parseTrustedRoot(bytes: Buffer | string, what: string): TrustedRoot {
  if (bytes.length > MAX_ROOT_BYTES) throw new BulwarkError('TOO_LARGE', `${what}: trusted root larger than 1 MiB`);
  let obj: unknown;
  try {
    obj = JSON.parse(bytes.toString());
  } catch (err) {
    throw new BulwarkError('USAGE', `${what}: not JSON (${errorMessage(err)})`);
  }
  const o = obj as { mediaType?: unknown; tlogs?: unknown; certificateAuthorities?: unknown };
  if (!o || typeof o !== 'object' || typeof o.mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(o.mediaType)) {
    throw new BulwarkError('USAGE', `${what}: not a Sigstore trusted_root.json (mediaType ${JSON.stringify(o?.mediaType ?? null)})`);
  }
  if (!Array.isArray(o.tlogs) || !Array.isArray(o.certificateAuthorities)) {
    throw new BulwarkError('USAGE', `${what}: trusted root lacks tlogs or certificateAuthorities`);
  }
  try {
    return TrustedRoot.fromJSON(obj);
  } catch (err) {
    throw new BulwarkError('USAGE', `${what}: invalid trusted root (${errorMessage(err)})`);
  }
}

/** The public-good trusted root shipped inside @sigstore/tuf (no network). */
export function embeddedTrustedRoot(): LoadedRoot {
  const require = createRequire(import.meta.url);
  const seeds = require('@sigstore/tuf/seeds.json') as Record<string, { targets?: Record<string, string> }>;
  const { version } = require('@sigstore/tuf/package.json') as { version: string };
  const b64 = seeds[PUBLIC_GOOD_MIRROR]?.targets?.['trusted_root.json'];
  if (!b64) throw new BulwarkError('IO_ERROR', '@sigstore/tuf seeds.json has no trusted_root.json for the public-good instance');
  return { root: parseTrustedRoot(Buffer.from(b64, 'base64'), 'embedded trusted root'), source: `embedded public-good root (@sigstore/tuf ${version})`, warnings: [] };
}

/**
 * Loads the trust root: the file when given; else (unless offline) the TUF-refreshed public-good root,
 * falling back to the embedded one with a warning when the TUF repository cannot be reached.
 */
export async function loadTrustedRoot(opts: { trustedRootPath?: string; offline?: boolean; tufCacheDir?: string }): Promise<LoadedRoot> {
  if (opts.trustedRootPath) {
    const bytes = await readFile(opts.trustedRootPath).catch((err: unknown) => {
      throw new BulwarkError('NOT_FOUND', `cannot read trusted root ${opts.trustedRootPath}: ${errorMessage(err)}`);
    });
    return { root: parseTrustedRoot(bytes, opts.trustedRootPath), source: opts.trustedRootPath, warnings: [] };
  }
  if (opts.offline) return embeddedTrustedRoot();
  try {
    const cachePath = opts.tufCacheDir ?? join(resolveCacheDir(), 'tuf');
    const root = await getTrustedRoot({ cachePath, mirrorURL: PUBLIC_GOOD_MIRROR, retry: 0, timeout: 5000 });
    return { root, source: `public-good root via TUF (${PUBLIC_GOOD_MIRROR})`, warnings: [] };
  } catch (err) {
    const embedded = embeddedTrustedRoot();
    const why = errorMessage(err).split('\n')[0]!.slice(0, 200);
    embedded.warnings.push(`TUF refresh from ${PUBLIC_GOOD_MIRROR} failed (${why}); using the ${embedded.source} — pass --offline to skip the refresh, or --trusted-root <file>`);
    return embedded;
  }
}
