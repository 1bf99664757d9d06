/** Splits an image reference as typed ("alpine", "ghcr.io/o/app:1.2@sha256:…") into its parts. */

export interface ParsedReference {
  /** registry host when the reference names one (contains a dot or colon, or is localhost) */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses a registry reference; transport prefixes (docker://, registry:) are dropped. */
export function parseReference(ref: string): ParsedReference {
  let r = ref.replace(/^(docker|registry|oci|docker-daemon):(\/\/)?/, '');
  let digest: string | undefined;
  const at = r.indexOf('@');
  if (at >= 0) {
    digest = r.slice(at + 1);
    r = r.slice(0, at);
  }
  let tag: string | undefined;
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  const first = r.split('/')[0]!;
  const hasRegistry = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : undefined,
    repository: hasRegistry ? r.slice(first.length + 1) : r,
    tag,
    digest,
  };
}
