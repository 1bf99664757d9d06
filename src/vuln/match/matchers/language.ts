/** Language packages: one small matcher per ecosystem, looked up by the purl's name and the installed version. */
import { PackageURL } from 'packageurl-js';
import type { Package } from '../../../catalog/types.js';
import type { VersionScheme } from '../../../version/index.js';
import type { Matcher, Query } from '../types.js';

function purlName(pkg: Package, join: string): string {
  try {
    const p = PackageURL.fromString(pkg.purl);
    return p.namespace ? `${p.namespace}${join}${p.name}` : p.name;
  } catch {
    return pkg.name;
  }
}

function languageMatcher(name: string, type: Package['type'], ecosystem: string, scheme: VersionScheme, nameOf: (p: Package) => string, versionOf: (p: Package) => string = (p) => p.version): Matcher {
  return {
    name,
    packageTypes: [type],
    queries(pkg): Query[] {
      const version = versionOf(pkg);
      if (!version) return [];
      return [{ ecosystem, name: nameOf(pkg), version, scheme, acceptsEcosystem: () => true, distro: false }];
    },
  };
}

export const npmMatcher = languageMatcher('npm-matcher', 'npm', 'npm', 'npm', (p) => purlName(p, '/'));
export const pythonMatcher = languageMatcher('python-matcher', 'pypi', 'PyPI', 'pep440', (p) => p.name);
/** Go: OSV writes module versions without the "v" prefix; stdlib as "stdlib". */
export const goMatcher = languageMatcher('go-matcher', 'golang', 'Go', 'go', (p) => (p.name === 'stdlib' ? 'stdlib' : purlName(p, '/')), (p) => p.version.replace(/^v/, ''));
export const rustMatcher = languageMatcher('rust-matcher', 'cargo', 'crates.io', 'cargo', (p) => p.name);
export const rubyMatcher = languageMatcher('ruby-matcher', 'gem', 'RubyGems', 'gem', (p) => p.name);
export const javaMatcher = languageMatcher('java-matcher', 'maven', 'Maven', 'maven', (p) => purlName(p, ':'));
export const dotnetMatcher = languageMatcher('dotnet-matcher', 'nuget', 'NuGet', 'nuget', (p) => p.name);
export const phpMatcher = languageMatcher('php-matcher', 'composer', 'Packagist', 'composer', (p) => purlName(p, '/'));
