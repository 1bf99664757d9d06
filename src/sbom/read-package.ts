/**
 * Turns one SBOM entry (name, version, purl, name/value properties) into a Bulwark Package. Reads
 * Bulwark's own properties first, then Trivy's (aquasecurity:trivy:*) and Syft's (syft:*), then the purl.
 */
import { purl as makePurl } from '../catalog/purl.js';
import type { Location, Package, PackageType } from '../catalog/types.js';
import { packageTypeFromName, parsePurl, sourceFromPurl, type PurlFacts } from './read-purl.js';

/** An SBOM entry in the shape both readers produce. */
export interface ForeignEntry {
  name: string;
  version?: string;
  purl?: string;
  licenses: string[];
  /** in document order; names may repeat */
  props: { name: string; value: string }[];
  /** foundBy when the entry does not say */
  foundBy: string;
  /** the image's layer diffIDs in order, to turn a diffID into a layer index */
  layerOrder?: string[];
}

const DB_PATHS: Partial<Record<PackageType, string>> = { deb: '/var/lib/dpkg/status', apk: '/lib/apk/db/installed', rpm: '/var/lib/rpm' };
const OS_TYPES: ReadonlySet<PackageType> = new Set(['deb', 'apk', 'rpm']);

function first(props: ForeignEntry['props'], ...names: string[]): string | undefined {
  for (const n of names) {
    const hit = props.find((p) => p.name === n);
    if (hit?.value) return hit.value;
  }
  return undefined;
}

/** Bulwark's properties: each bulwark:location:path opens a location, the layer properties after it fill it in. */
function bulwarkLocations(props: ForeignEntry['props']): Location[] {
  const out: Location[] = [];
  for (const p of props) {
    if (p.name === 'bulwark:location:path') out.push({ path: p.value });
    const cur = out[out.length - 1];
    if (!cur) continue;
    if (p.name === 'bulwark:layer:diffID') cur.layerDiffId = p.value;
    if (p.name === 'bulwark:layer:index' && /^\d{1,6}$/.test(p.value)) cur.layerIndex = Number(p.value);
  }
  return out;
}

/** Syft writes syft:location:<n>:path and syft:location:<n>:layerID. */
function syftLocations(props: ForeignEntry['props']): Location[] {
  const byIndex = new Map<number, Location>();
  for (const p of props) {
    const m = /^syft:location:(\d{1,6}):(path|layerID)$/.exec(p.name);
    if (!m) continue;
    const loc = byIndex.get(Number(m[1])) ?? { path: '' };
    if (m[2] === 'path') loc.path = p.value;
    else loc.layerDiffId = p.value;
    byIndex.set(Number(m[1]), loc);
  }
  return [...byIndex].sort(([a], [b]) => a - b).map(([, l]) => l);
}

function locationsOf(e: ForeignEntry, type: PackageType): Location[] {
  let locs = bulwarkLocations(e.props);
  if (!locs.length) locs = syftLocations(e.props);
  if (!locs.length) {
    const path = first(e.props, 'aquasecurity:trivy:FilePath') ?? '';
    const diffId = first(e.props, 'aquasecurity:trivy:LayerDiffID');
    if (path || diffId) locs = [{ path, ...(diffId ? { layerDiffId: diffId } : {}) }];
  }
  for (const l of locs) {
    if (!l.path) l.path = DB_PATHS[type] ?? '';
    if (l.layerIndex === undefined && l.layerDiffId && e.layerOrder) {
      const i = e.layerOrder.indexOf(l.layerDiffId);
      if (i >= 0) l.layerIndex = i;
    }
  }
  return locs;
}

/** Trivy splits a source version into SrcEpoch, SrcVersion and SrcRelease; rpm keeps epochs apart, as Bulwark's catalogers do. */
function trivySource(props: ForeignEntry['props'], type: PackageType): { sourceName?: string; sourceVersion?: string } {
  const name = first(props, 'aquasecurity:trivy:SrcName');
  const ver = first(props, 'aquasecurity:trivy:SrcVersion');
  if (!name) return {};
  if (!ver) return { sourceName: name };
  const rel = first(props, 'aquasecurity:trivy:SrcRelease');
  const epoch = type === 'rpm' ? undefined : first(props, 'aquasecurity:trivy:SrcEpoch');
  return { sourceName: name, sourceVersion: `${epoch && epoch !== '0' ? `${epoch}:` : ''}${ver}${rel ? `-${rel}` : ''}` };
}

function sourceOf(e: ForeignEntry, facts: PurlFacts | undefined, type: PackageType, version: string): { sourceName?: string; sourceVersion?: string } {
  const own = first(e.props, 'bulwark:source:name');
  if (own) return { sourceName: own, sourceVersion: first(e.props, 'bulwark:source:version') };
  if (e.props.some((p) => p.name === 'bulwark:package:type')) return {};
  const trivy = trivySource(e.props, type);
  if (trivy.sourceName) return trivy;
  const syftName = first(e.props, 'syft:metadata:source', 'syft:metadata:originPackage');
  const fromPurl = facts ? sourceFromPurl(facts) : {};
  const sourceName = syftName ?? fromPurl.sourceName;
  const sourceVersion = first(e.props, 'syft:metadata:sourceVersion') ?? fromPurl.sourceVersion;
  // dpkg and apk name the source only when it differs from the binary package
  if (type === 'deb' || type === 'apk') return { sourceName: sourceName ?? e.name, sourceVersion: sourceVersion ?? version };
  return sourceName ? { sourceName, sourceVersion } : {};
}

/** Builds a Package, or returns why the entry was skipped. */
export function toPackage(e: ForeignEntry): Package | { skipped: string } {
  const facts = e.purl ? parsePurl(e.purl) : undefined;
  const type =
    packageTypeFromName(first(e.props, 'bulwark:package:type')) ??
    facts?.type ??
    packageTypeFromName(first(e.props, 'aquasecurity:trivy:PkgType', 'syft:package:type'));
  if (!type) return { skipped: facts ? `purl type ${facts.purlType}` : e.purl ? 'malformed purl' : 'no purl or package type' };
  let version = e.version ?? facts?.version ?? '';
  // rpm keeps the epoch apart (Trivy writes "1:3.0.7-25.el9_3"); dpkg versions carry theirs
  const rpmEpoch = type === 'rpm' ? /^(\d{1,9}):(.+)$/.exec(version) : null;
  if (rpmEpoch) version = rpmEpoch[2]!;
  const pkg: Package = {
    name: e.name,
    version,
    type,
    purl: facts ? e.purl! : fallbackPurl(type, e.name, version),
    ...sourceOf(e, facts, type, version),
    licenses: [...new Set(e.licenses)],
    foundBy: first(e.props, 'bulwark:found-by', 'syft:package:foundBy') ?? e.foundBy,
    locations: locationsOf(e, type),
  };
  if (pkg.sourceName === undefined) delete pkg.sourceName;
  if (pkg.sourceVersion === undefined) delete pkg.sourceVersion;
  if (first(e.props, 'bulwark:os-managed') === 'true') pkg.osManaged = true;
  if (facts?.qualifiers.arch) pkg.arch = facts.qualifiers.arch;
  const epoch = facts?.qualifiers.epoch ?? rpmEpoch?.[1];
  if (epoch && /^\d{1,9}$/.test(epoch) && epoch !== '0') pkg.epoch = Number(epoch);
  if (type === 'rpm' && version.includes('-')) pkg.release = version.slice(version.lastIndexOf('-') + 1);
  return pkg;
}

function fallbackPurl(type: PackageType, name: string, version: string): string {
  try {
    return makePurl(type, undefined, name, version);
  } catch {
    return '';
  }
}

/** True for the package types whose purl names the distribution. */
export function isOsPackageType(t: PackageType): boolean {
  return OS_TYPES.has(t);
}
