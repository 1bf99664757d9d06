/** Splits an image reference as typed ("alpine", "ghcr.io/o/app:1.2@sha256:…") into its parts. */
import { splitImageRef } from '../../shared/image-ref.js';

export interface ParsedReference {
  /** registry host when the reference names one (contains a dot or colon, or is localhost) */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses a registry reference; transport prefixes (docker://, registry:) are dropped. */
export function parseReference(ref: string): ParsedReference {
  const { name: r, tag, digest } = splitImageRef(ref.replace(/^(docker|registry|oci|docker-daemon):(\/\/)?/, ''));
  const first = r.split('/')[0]!;
  const hasRegistry = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : undefined,
    repository: hasRegistry ? r.slice(first.length + 1) : r,
    tag,
    digest,
  };
}
