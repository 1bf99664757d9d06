/**
 * Registry watch: for each watched repository, list its tags (those matching the watch's pattern,
 * at most MAX_TAGS), resolve each tag's digest with a HEAD request, and scan only digests the
 * server does not have yet for that tag. Each tag is stored as image "<repository>:<tag>"; when
 * the tag moves, the image is re-scanned from "<repository>@<digest>" and its findings diffed.
 */
import type { FastifyBaseLogger } from 'fastify';
import { errorMessage } from '../../shared/errors.js';
import { RegistryClient } from '../../source/registry/client.js';
import { resolveDigest } from '../../source/registry/manifests.js';
import { parseReference } from '../../source/registry/reference.js';
import type { Monitor } from '../monitor.js';
import type { Store, WatchRow } from '../store/types.js';
import { listTags } from './tags.js';

export const MAX_TAGS = 50;

export interface WatchResult {
  watch: number;
  tags: number;
  scanned: string[];
  error?: string;
}

/** A tag pattern as a whole-tag regular expression (throws on a bad one). */
export function tagMatcher(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Polls one watch; errors are recorded on the watch and returned, not thrown. */
export async function pollWatch(store: Store, monitor: Monitor, w: WatchRow, opts: { plainHttpRegistries: string[]; log: FastifyBaseLogger }): Promise<WatchResult> {
  const out: WatchResult = { watch: w.id, tags: 0, scanned: [] };
  let client: RegistryClient | undefined;
  try {
    const ref = parseReference(w.repository);
    client = new RegistryClient(ref.registry, { plainHttp: opts.plainHttpRegistries.includes(ref.registry), retries: 1 });
    const re = tagMatcher(w.tagPattern);
    const tags = (await listTags(client, ref.repository)).filter((t) => re.test(t)).sort().slice(0, MAX_TAGS);
    out.tags = tags.length;
    for (const tag of tags) {
      const { digest } = await resolveDigest(client, ref.repository, tag);
      const name = `${w.repository}:${tag}`;
      const known = await store.getImageByRef(name);
      if (known?.digest === digest) continue;
      await monitor.registerImage({ ref: name, scanTarget: `registry:${w.repository}@${digest}`, sourceKind: 'watch', osManagedUpstream: w.osManagedUpstream });
      out.scanned.push(`${name}@${digest}`);
    }
  } catch (err) {
    out.error = errorMessage(err);
    opts.log.warn({ watch: w.id, repository: w.repository, err: out.error }, 'registry watch failed');
  } finally {
    client?.close();
  }
  await store.touchWatch(w.id, new Date().toISOString(), out.error);
  return out;
}
