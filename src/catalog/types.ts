/** Packages and the cataloger contract. Parsers are plain functions; catalogers are data + functions. */

export type PackageType =
  | 'deb'
  | 'apk'
  | 'rpm'
  | 'npm'
  | 'pypi'
  | 'golang'
  | 'maven'
  | 'gem'
  | 'cargo'
  | 'composer'
  | 'nuget';

export interface Location {
  /** absolute path inside the image, e.g. /usr/lib/node_modules/npm/package.json */
  path: string;
  /** diffID of the layer that introduced the package (absent for rootfs scans) */
  layerDiffId?: string;
  layerIndex?: number;
}

export interface Package {
  name: string;
  /** as the ecosystem writes it; for rpm "version-release" (epoch separate) */
  version: string;
  type: PackageType;
  /** package URL, with distro qualifiers for OS packages */
  purl: string;
  /** e.g. dpkg source package, apk origin, rpm source RPM name */
  sourceName?: string;
  sourceVersion?: string;
  licenses: string[];
  /** name of the cataloger that found it */
  foundBy: string;
  locations: Location[];
  /** true when an OS package owns the files of this language package */
  osManaged?: boolean;
  /** OS package files (absolute paths), used to mark OS-managed language packages */
  files?: string[];
  arch?: string;
  epoch?: number;
  release?: string;
  /** extra ecosystem-specific data (maintainer, dependency scope, Go main module …) */
  metadata?: Record<string, unknown>;
}

/** Operating system as detected from os-release and the distribution's own files. */
export interface OsInfo {
  /** lower-case family id: alpine, debian, ubuntu, rhel, centos, rocky, almalinux, fedora, amazon, sles, opensuse-leap, photon, mariner, azurelinux, wolfi, chainguard, distroless … */
  family: string;
  /** version as the distribution writes it: 3.10.2, 12, 22.04 */
  version: string;
  versionId?: string;
  codename?: string;
  name?: string;
  prettyName?: string;
  /** ID_LIKE from os-release */
  like?: string[];
}

import type { AnalyzerFile, LayerAnalyzer } from '../layer/types.js';

/** A package as a parser returns it: the pipeline adds foundBy and locations. */
export type ParsedPackage = Omit<Package, 'locations' | 'foundBy'> & {
  /** a path inside the file (nested jar: "/app/a.jar!/BOOT-INF/lib/b.jar"); defaults to the file's path */
  subPath?: string;
};

/** What a cataloger returns for one file. */
export interface ParseResult {
  packages: ParsedPackage[];
  /** files owned by OS packages, when they come in separate files (dpkg info/*.list) */
  ownedFiles?: { type: PackageType; name: string; arch?: string; files: string[] }[];
  /** non-fatal problems inside the file (a corrupt nested archive …): reported as scan warnings */
  warnings?: string[];
  /** licenses found in a separate file (dpkg /usr/share/doc/<pkg>/copyright) */
  licenses?: { type: PackageType; name: string; licenses: string[] }[];
}

/**
 * A cataloger is a layer analyzer whose output is a ParseResult. It sees every file of every layer
 * through wants()/sniff(), so those must be cheap; parse work happens in analyze().
 */
export interface Cataloger extends LayerAnalyzer {
  /** package types it produces, for selection and docs */
  packageTypes: PackageType[];
  analyze(file: AnalyzerFile): Promise<ParseResult | null> | ParseResult | null;
}

export type { AnalyzerFile };
export const MB = 1024 * 1024;
