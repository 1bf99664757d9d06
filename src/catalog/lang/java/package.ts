/**
 * Identity of one Java archive: each pom.properties it carries, else its manifest, else its file name.
 * The maven purl needs a groupId; when none can be derived the artifactId stands in (as syft does).
 */
import { purl } from '../../purl.js';
import type { ParsedPackage } from '../../types.js';
import { parseBundleLicense } from './parse-manifest.js';
import type { PomProperties } from './parse-pom-properties.js';

export interface ArchiveInfo {
  /** "/app/a.war" or "/app/a.war!/WEB-INF/lib/b.jar" */
  virtualPath: string;
  manifest?: Record<string, string>;
  poms: PomProperties[];
  sha1?: string;
  /** true for an archive nested in another one */
  nested: boolean;
}

const ARCHIVE_EXT = /\.(jar|war|ear|jpi|hpi|par|sar|nar|kar|lpkg)$/i;

/** "spring-core-5.3.20.RELEASE.jar" -> spring-core / 5.3.20.RELEASE: the version starts at the first dash-digit part. */
export function nameFromFile(virtualPath: string): { name: string; version?: string } {
  const base = (virtualPath.split('/').pop() ?? '').replace(ARCHIVE_EXT, '');
  const parts = base.split('-');
  const i = parts.findIndex((p, n) => n > 0 && /^\d/.test(p));
  if (i < 0) return { name: base };
  return { name: parts.slice(0, i).join('-'), version: parts.slice(i).join('-') };
}

/**
 * groupId from an OSGi Bundle-SymbolicName, undoing maven-bundle-plugin's default naming:
 * groupId.artifactId ("com.fasterxml.jackson.core.jackson-databind"), or with the artifactId's
 * leading groupId segment folded ("org.apache.commons.lang3" for commons-lang3).
 */
export function groupFromSymbolicName(bsn: string | undefined, artifactId: string): string | undefined {
  const name = bsn?.split(';')[0]!.trim();
  if (!name || !name.includes('.')) return undefined;
  if (name.endsWith(`.${artifactId}`)) return name.slice(0, -artifactId.length - 1);
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (artifactId.endsWith(`-${last}`)) return name.slice(0, name.lastIndexOf('.'));
  return undefined;
}

function mavenPackage(groupId: string | undefined, artifactId: string, version: string, info: ArchiveInfo, licenses: string[], extra: Record<string, unknown>): ParsedPackage {
  const metadata: Record<string, unknown> = { virtualPath: info.virtualPath, artifactId, ...extra };
  if (groupId) metadata.groupId = groupId;
  if (info.sha1) metadata.sha1 = info.sha1;
  const pkg: ParsedPackage = {
    name: artifactId,
    version,
    type: 'maven',
    purl: purl('maven', groupId ?? artifactId, artifactId, version),
    licenses,
    metadata,
  };
  if (info.nested) pkg.subPath = info.virtualPath;
  return pkg;
}

function fromManifest(info: ArchiveInfo, licenses: string[]): ParsedPackage[] {
  const m = info.manifest ?? {};
  const file = nameFromFile(info.virtualPath);
  const title = m['Implementation-Title'] ?? m['Specification-Title'];
  const artifactId = file.version || !title || /\s/.test(title) ? file.name : title;
  const version = m['Implementation-Version'] ?? m['Bundle-Version'] ?? m['Specification-Version'] ?? file.version;
  // an archive with no version anywhere cannot be matched to anything: not reported
  if (!artifactId || !version) return [];
  const groupId = m['Implementation-Vendor-Id'] ?? groupFromSymbolicName(m['Bundle-SymbolicName'], artifactId);
  const from = m['Implementation-Version'] || m['Bundle-Version'] || m['Specification-Version'] ? 'manifest' : 'filename';
  return [mavenPackage(groupId, artifactId, version, info, licenses, { identityFrom: from })];
}

/** Packages for one archive (not including the archives nested in it). */
export function archivePackages(info: ArchiveInfo): ParsedPackage[] {
  const licenses = parseBundleLicense(info.manifest?.['Bundle-License']);
  if (!info.poms.length) return fromManifest(info, licenses);
  const file = nameFromFile(info.virtualPath);
  const own = info.poms.length === 1 ? info.poms[0] : info.poms.find((p) => p.artifactId === file.name);
  return info.poms.map((p) =>
    mavenPackage(p.groupId, p.artifactId, p.version, info, p === own ? licenses : [], { identityFrom: 'pom.properties', pomPath: p.path, ...(own && p !== own ? { shaded: true } : {}) }),
  );
}

/** True for file names with a Java archive extension. */
export function isJavaArchive(path: string): boolean {
  return ARCHIVE_EXT.test(path);
}
