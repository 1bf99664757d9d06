/**
 * The lenient split of an image reference as written ("alpine", "ghcr.io/o/app:1.2@sha256:…") into
 * name, tag and digest, with no normalisation and no registry rules. For registry access use the
 * strict, normalising parser in src/source/registry/reference.ts.
 */
export function splitImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}
