/**
 * Tag listing for registry watches (`GET /v2/<repo>/tags/list`, paginated with `n` and the Link
 * header), through the project's RegistryClient so authentication, retries and TLS rules are the
 * same as for scans. Bounded: at most `max` tags, each page capped in size.
 */
import { z } from 'zod';
import { BulwarkError } from '../../shared/errors.js';
import type { RegistryClient } from '../../source/registry/client.js';
import { readBody } from '../../source/registry/transport.js';

const PAGE = 100;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const tagsSchema = z.object({ name: z.string().optional(), tags: z.array(z.string()).nullable().optional() });

/** The next page's path from a Link header (`</v2/r/tags/list?n=100&last=x>; rel="next"`), same host only. */
export function nextLink(header: string | string[] | undefined, base: URL): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const m = value ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(value) : null;
  if (!m) return undefined;
  const url = new URL(m[1]!, base);
  return url.host === base.host ? `${url.pathname}${url.search}` : undefined;
}

/** Lists the tags of `repo` on the client's registry (at most `max`). */
export async function listTags(client: RegistryClient, repo: string, max = 1000): Promise<string[]> {
  const tags: string[] = [];
  let path: string | undefined = `/v2/${repo}/tags/list?n=${PAGE}`;
  for (let page = 0; path && tags.length < max && page < Math.ceil(max / PAGE) + 1; page++) {
    const req = { repository: repo, kind: 'tags list', ref: undefined };
    const res = await client.request({ method: 'GET', path, headers: { accept: 'application/json' }, ...req });
    await client.expect(res, [200], req);
    const bytes = await readBody(res, MAX_PAGE_BYTES, `tags of ${client.registry}/${repo}`);
    let parsed: z.infer<typeof tagsSchema>;
    try {
      parsed = tagsSchema.parse(JSON.parse(bytes.toString('utf8')));
    } catch (err) {
      throw new BulwarkError('REGISTRY_ERROR', `${client.registry}/${repo}: malformed tags list (${(err as Error).message.split('\n')[0]})`);
    }
    tags.push(...(parsed.tags ?? []));
    path = nextLink(res.headers.link, client.base);
  }
  return tags.slice(0, max);
}
