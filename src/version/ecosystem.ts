/**
 * Maps OSV ecosystem names (https://ossf.github.io/osv-schema/#affectedpackage-field)
 * to version schemes. OSV suffixes a release after a colon ("Debian:12",
 * "Ubuntu:Pro:18.04:LTS", "Red Hat:enterprise_linux:9::appstream"), so only the part
 * before the first colon is looked at, case-insensitively. Unknown names get 'fuzzy'.
 */

import type { VersionScheme } from './index.js';

const BY_ECOSYSTEM: Record<string, VersionScheme> = {
  // Debian-family package managers
  debian: 'dpkg',
  ubuntu: 'dpkg',
  // RPM-family distributions
  'red hat': 'rpm',
  almalinux: 'rpm',
  'rocky linux': 'rpm',
  suse: 'rpm',
  opensuse: 'rpm',
  mageia: 'rpm',
  'photon os': 'rpm',
  openeuler: 'rpm',
  'azure linux': 'rpm',
  'cbl-mariner': 'rpm',
  'amazon linux': 'rpm',
  fedora: 'rpm',
  centos: 'rpm',
  'oracle linux': 'rpm',
  // apk-based distributions
  alpine: 'apk',
  wolfi: 'apk',
  chainguard: 'apk',
  alpaquita: 'apk',
  'bellsoft hardened containers': 'apk',
  minimos: 'apk',
  postmarketos: 'apk',
  // language ecosystems
  npm: 'npm',
  pypi: 'pep440',
  go: 'go',
  'crates.io': 'cargo',
  rubygems: 'gem',
  maven: 'maven',
  nuget: 'nuget',
  packagist: 'composer',
  // SemVer 2.0 ecosystems: Elixir's Version, Dart's pub_semver, SwiftPM and Julia
  // all follow SemVer 2.0 precedence, which the strict 'cargo' comparator implements.
  hex: 'cargo',
  pub: 'cargo',
  swifturl: 'cargo',
  julia: 'cargo',
  // Bitnami's vulndb and GitHub Actions publish SemVer ranges, sometimes with a "v".
  bitnami: 'npm',
  'github actions': 'npm',
  // git-commit or free-form ecosystems
  'oss-fuzz': 'fuzzy',
  git: 'fuzzy',
  linux: 'fuzzy',
  android: 'fuzzy',
  cran: 'fuzzy',
  hackage: 'fuzzy',
  ghc: 'fuzzy',
  conancenter: 'fuzzy',
};

/** The version scheme for an OSV ecosystem name; 'fuzzy' when unknown. */
export function schemeForEcosystem(osvEcosystem: string): VersionScheme {
  const base = osvEcosystem.split(':', 1)[0].trim().toLowerCase();
  return Object.hasOwn(BY_ECOSYSTEM, base) ? BY_ECOSYSTEM[base] : 'fuzzy';
}
