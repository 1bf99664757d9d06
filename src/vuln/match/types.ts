/** Findings and the matcher contract. A matcher only says how to look a package up; the engine does the rest. */
import type { OsInfo, Package } from '../../catalog/types.js';
import type { OsvRecord } from '../db/osv-types.js';
import type { VersionScheme } from '../../version/index.js';

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NEGLIGIBLE' | 'UNKNOWN';
export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'];

export type Status = 'fixed' | 'affected' | 'will_not_fix' | 'fix_deferred' | 'end_of_life' | 'unknown';

/** Where advisories come from: the SQLite store, or an in-memory set in tests. */
export interface AdvisorySource {
  /** records with an affected[] entry for (base ecosystem, name); name already normalised */
  lookup(baseEcosystem: string, name: string): OsvRecord[];
  /** records whose id, aliases or upstream contain this id */
  lookupByAlias(id: string): OsvRecord[];
}

/** One way to look a package up: ecosystem, name and version as the advisories write them. */
export interface Query {
  /** base OSV ecosystem: Debian, Alpine, PyPI … */
  ecosystem: string;
  name: string;
  version: string;
  scheme: VersionScheme;
  /** accepts an affected[].package.ecosystem string (release filter for distributions) */
  acceptsEcosystem(ecosystem: string): boolean;
  /** true for distribution data (statuses apply, source package lookups) */
  distro: boolean;
}

export interface Matcher {
  name: string;
  packageTypes: Package['type'][];
  /** how to look the package up; [] when this matcher cannot (unknown distro, no version) */
  queries(pkg: Package, os: OsInfo | undefined): Query[];
}

export interface SeverityInfo {
  level: Severity;
  score?: number;
  vector?: string;
  /** where it came from: "CVSS_V3 (GHSA-…)", "ghsa", "ubuntu", "alias CVE-… (GHSA-…)" */
  source: string;
}

export interface Finding {
  /** canonical ID: the CVE when the advisory wraps exactly one, else the advisory's own */
  id: string;
  /** every other ID the finding is known by (advisory IDs, GHSA, DSA…) */
  aliases: string[];
  /** the records that matched */
  advisories: string[];
  pkg: {
    name: string;
    version: string;
    type: Package['type'];
    purl: string;
    sourceName?: string;
    sourceVersion?: string;
    path?: string;
    layerIndex?: number;
    layerDiffId?: string;
  };
  installedVersion: string;
  /** every fixed version the advisories give for this package, lowest first */
  fixedVersions: string[];
  /** lowest fixed version above the installed one, when there is one */
  fixedVersion?: string;
  status: Status;
  severity: SeverityInfo;
  title: string;
  description?: string;
  references: string[];
  published?: string;
  modified?: string;
  match: {
    matcher: string;
    ecosystem: string;
    searchedBy: { name: string; version: string };
    ranges: string[];
  };
}

export interface MatchOptions {
  /** match OS-managed language packages against upstream advisories too (default: no, the distro's data rules) */
  osManagedUpstream?: boolean;
}
