/** What both SBOM writers say about the scanned image itself, and the package order they share. */
import type { Inventory } from '../app/inventory.js';
import type { Package } from '../catalog/types.js';
import { purl as makePurl } from '../catalog/purl.js';
import { splitImageRef } from '../shared/image-ref.js';

/** The image (or directory) an SBOM describes. */
export interface Subject {
  /** repository without tag or digest (docker.io/library/alpine), or the reference as given */
  name: string;
  /** manifest digest, else config digest */
  version?: string;
  purl?: string;
  isImage: boolean;
  /** ordered name/value pairs (repeated names allowed) */
  properties: { name: string; value: string }[];
}

/** Splits "registry:5000/repo/name:tag@sha256:…" into repository, tag and digest. */
export function splitReference(ref: string): { repository: string; tag?: string; digest?: string } {
  const { name, tag, digest } = splitImageRef(ref);
  return { repository: name, tag, digest };
}

/** Describes the inventory's target for an SBOM. */
export function subjectOf(inv: Inventory): Subject {
  const t = inv.target;
  const isImage = t.kind !== 'rootfs';
  const display = t.name ?? t.repoTags[0] ?? t.reference;
  const { repository, tag } = isImage ? splitReference(display) : { repository: display, tag: undefined };
  const version = t.manifestDigest ?? t.configDigest;
  const properties: { name: string; value: string }[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value) properties.push({ name, value });
  };
  add('bulwark:image:kind', t.kind);
  add('bulwark:image:reference', t.reference);
  for (const tagRef of t.repoTags) add('bulwark:image:repoTag', tagRef);
  for (const d of t.repoDigests) add('bulwark:image:repoDigest', d);
  add('bulwark:image:manifestDigest', t.manifestDigest);
  add('bulwark:image:configDigest', t.configDigest);
  add('bulwark:image:platform', t.platform);
  for (const l of inv.layers) add('bulwark:image:layer:diffID', l.diffId);
  return { name: repository || display, version, purl: isImage ? ociPurl(repository, version, tag, t.platform) : undefined, isImage, properties };
}

/** pkg:oci/<name>@<digest>?arch=…&repository_url=…&tag=… (purl-spec oci type). */
function ociPurl(repository: string, digest: string | undefined, tag: string | undefined, platform: string | undefined): string | undefined {
  if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  const last = repository.split('/').pop()?.toLowerCase();
  if (!last || !/^[a-z0-9][a-z0-9._-]*$/.test(last)) return undefined;
  const arch = platform?.split('/')[1];
  const repoUrl = repository.includes('/') ? repository.toLowerCase() : undefined;
  return makePurl('oci', undefined, last, digest, { arch, repository_url: repoUrl, tag });
}

/** Stable order for SBOM output: type, name, version, purl, first path. */
export function sortedPackages(pkgs: readonly Package[]): Package[] {
  const key = (p: Package): string[] => [p.type, p.name, p.version, p.purl, p.locations[0]?.path ?? ''];
  return [...pkgs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

/** Makes ids unique in order: the first keeps its id, later duplicates get suffix(2), suffix(3) … */
export function uniqueIds(ids: readonly string[], suffix: (id: string, n: number) => string = (id, n) => `${id}-${n}`): string[] {
  const used = new Set(ids);
  const firstSeen = new Set<string>();
  return ids.map((id) => {
    if (!firstSeen.has(id)) {
      firstSeen.add(id);
      return id;
    }
    let n = 2;
    while (used.has(suffix(id, n))) n++;
    const out = suffix(id, n);
    used.add(out);
    return out;
  });
}
