/**
 * Image references the way Docker reads them: `alpine` is docker.io/library/alpine:latest,
 * a first component with a dot, a colon or equal to "localhost" is a registry host,
 * and a reference may carry a tag, a digest, or both (name:tag@sha256:…).
 */
import { BulwarkError } from '../../shared/errors.js';

/** Canonical name of Docker Hub, and the host its API is actually served from. */
export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_API = 'registry-1.docker.io';
/** The key `docker login` writes for Docker Hub in config.json. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface ImageReference {
  /** canonical registry host[:port] (docker.io for Docker Hub) */
  registry: string;
  /** repository path inside the registry (library/alpine) */
  repository: string;
  tag?: string;
  digest?: string;
}

// grammar from the distribution reference package (lowercase path components, tag and digest rules)
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]{1,5})?$/;

/** Maps Docker Hub aliases to docker.io; other hosts are kept as typed, lowercased. */
export function canonicalRegistry(host: string): string {
  const h = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase();
  return HUB_ALIASES.has(h) ? DOCKER_HUB : h;
}

/** The host[:port] the distribution API is served from. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

function bad(input: string, why: string): BulwarkError {
  return new BulwarkError('USAGE', `invalid image reference ${JSON.stringify(input)}: ${why}`);
}

/** Parses a reference; throws a USAGE error naming what is wrong. */
export function parseReference(input: string): ImageReference {
  let rest = input.trim();
  if (!rest) throw bad(input, 'empty');
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad(input, `digest must be sha256:<64 hex> or sha512:<128 hex>, got ${JSON.stringify(digest)}`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(input, `invalid tag ${JSON.stringify(tag)}`);
  }
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first))) {
    if (!HOST.test(first)) throw bad(input, `invalid registry host ${JSON.stringify(first)}`);
    registry = canonicalRegistry(first);
    parts.shift();
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  for (const p of parts) {
    if (!COMPONENT.test(p)) throw bad(input, `invalid repository component ${JSON.stringify(p)} (lowercase letters, digits and . _ - only)`);
  }
  const repository = parts.join('/');
  if (repository.length > 255) throw bad(input, 'repository name longer than 255 characters');
  return { registry, repository, tag: tag ?? (digest ? undefined : 'latest'), digest };
}

/** registry/repository, e.g. docker.io/library/alpine. */
export function repoName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The full canonical string: docker.io/library/alpine:3.19@sha256:… */
export function formatReference(ref: ImageReference): string {
  return `${repoName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** What to ask the registry for: the digest when there is one (the tag is then informational). */
export function manifestRef(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
