/**
 * Repository globs, as Kyverno and the Sigstore policy-controller write them: `*` matches within one
 * path segment, `**` across segments, `?` one character. Matched against "registry/repository"
 * (docker.io/library/alpine). A pattern without a slash names a whole registry ("ghcr.io").
 */
import type { ImageReference } from '../source/registry/reference.js';

const cache = new Map<string, RegExp>();

/** Compiles a repository glob to an anchored, linear-time regex. */
export function repoGlobToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  const pattern = glob.includes('/') ? glob : `${glob}/**`;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // "a/**" also matches "a" itself
        if (out.endsWith('/') && i === pattern.length - 1) out = `${out.slice(0, -1)}(?:/.*)?`;
        else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`, 'i');
  cache.set(glob, re);
  return re;
}

/** registry/repository of a parsed reference, e.g. docker.io/library/alpine. */
export function repoOf(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** True when the repository matches any of the globs. */
export function matchesRepository(globs: readonly string[], ref: ImageReference): boolean {
  const name = repoOf(ref);
  return globs.some((g) => repoGlobToRegExp(g).test(name));
}
