/**
 * What a package URL says about a package written by another tool: its Bulwark type, its source
 * package (the `upstream` qualifier of Syft and Bulwark) and the distribution (`distro` qualifier).
 */
import { PackageURL } from 'packageurl-js';
import type { OsInfo, PackageType } from '../catalog/types.js';

const PURL_TYPES: Record<string, PackageType> = {
  deb: 'deb', apk: 'apk', rpm: 'rpm', npm: 'npm', pypi: 'pypi', golang: 'golang', maven: 'maven',
  gem: 'gem', cargo: 'cargo', composer: 'composer', nuget: 'nuget',
};

/** The parts of a purl Bulwark uses. */
export interface PurlFacts {
  purlType: string;
  /** undefined when Bulwark has no such package type (generic, oci, github …) */
  type?: PackageType;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
}

/** Parses a purl; undefined when it is malformed. */
export function parsePurl(text: string): PurlFacts | undefined {
  if (text.length > 4096) return undefined;
  try {
    const p = PackageURL.fromString(text);
    const qualifiers: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.qualifiers ?? {})) if (typeof v === 'string') qualifiers[k] = v;
    return { purlType: p.type, type: PURL_TYPES[p.type], namespace: p.namespace ?? undefined, name: p.name, version: p.version ?? undefined, qualifiers };
  } catch {
    return undefined;
  }
}

/** Maps a package type name of Bulwark, Syft or Trivy onto a Bulwark PackageType. */
export function packageTypeFromName(name: string | undefined): PackageType | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  if (n in PURL_TYPES) return PURL_TYPES[n];
  const aliases: Record<string, PackageType> = {
    debian: 'deb', ubuntu: 'deb', alpine: 'apk', wolfi: 'apk', chainguard: 'apk',
    redhat: 'rpm', centos: 'rpm', rocky: 'rpm', alma: 'rpm', almalinux: 'rpm', amazon: 'rpm', fedora: 'rpm', oracle: 'rpm',
    photon: 'rpm', 'cbl-mariner': 'rpm', azurelinux: 'rpm', suse: 'rpm', 'opensuse.leap': 'rpm', 'opensuse.tumbleweed': 'rpm', sles: 'rpm',
    'node-pkg': 'npm', yarn: 'npm', pnpm: 'npm', python: 'pypi', 'python-pkg': 'pypi', pip: 'pypi', pipenv: 'pypi', poetry: 'pypi', uv: 'pypi',
    'go-module': 'golang', gomod: 'golang', gobinary: 'golang', 'java-archive': 'maven', jar: 'maven', pom: 'maven', gradle: 'maven',
    gemspec: 'gem', bundler: 'gem', 'rust-crate': 'cargo', 'rust-binary': 'cargo', 'php-composer': 'composer', dotnet: 'nuget', 'dotnet-core': 'nuget',
  };
  return aliases[n];
}

/** Bulwark's OS family names for what other tools write (Trivy "alma", "cbl-mariner"; purl "rhel"). */
export function normalizeFamily(name: string): string {
  const n = name.trim().toLowerCase();
  const aliases: Record<string, string> = {
    rhel: 'redhat', alma: 'almalinux', 'cbl-mariner': 'mariner', 'opensuse.leap': 'opensuse-leap', opensuse: 'opensuse-leap',
    'opensuse.tumbleweed': 'opensuse-tumbleweed', 'suse linux enterprise server': 'sles', suse: 'sles', amzn: 'amazon', ol: 'oracle',
    'debian gnu/linux': 'debian', 'alpine linux': 'alpine',
  };
  return aliases[n] ?? n;
}

/** Source package from the upstream qualifier: deb "src" or "src@ver", apk origin, rpm source RPM file name. */
export function sourceFromPurl(f: PurlFacts): { sourceName?: string; sourceVersion?: string } {
  const up = f.qualifiers.upstream;
  if (!up) return {};
  if (f.type === 'rpm') {
    const m = /^(.+)-([^-]+-[^-]+?)(?:\.(?:no)?src\.rpm)?$/.exec(up);
    return m ? { sourceName: m[1], sourceVersion: m[2] } : { sourceName: up };
  }
  const at = up.indexOf('@');
  if (at > 0) return { sourceName: up.slice(0, at), sourceVersion: up.slice(at + 1) };
  return { sourceName: up };
}

/** The distribution an OS package's purl names: distro=debian-12.5, distro=3.19.1 (apk), distro=rhel-8.9. */
export function osFromPurl(f: PurlFacts): OsInfo | undefined {
  if (f.type !== 'deb' && f.type !== 'apk' && f.type !== 'rpm') return undefined;
  const distro = f.qualifiers.distro;
  if (!distro) return undefined;
  const m = /^([a-z][a-z0-9._]*(?:-[a-z][a-z0-9._]*)*)-(\d.*)$/i.exec(distro);
  if (m) return { family: normalizeFamily(m[1]!), version: m[2]! };
  if (/^\d/.test(distro) && f.namespace) return { family: normalizeFamily(f.namespace), version: distro };
  return undefined;
}
