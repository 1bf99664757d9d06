/** Fix advice: per package the lowest version that fixes all its fixable findings, and an image summary. */
import { compareVersions, type VersionScheme } from '../version/index.js';
import type { Finding } from './match/types.js';

const SCHEME: Record<string, VersionScheme> = {
  deb: 'dpkg', apk: 'apk', rpm: 'rpm', npm: 'npm', pypi: 'pep440', golang: 'go', cargo: 'cargo', gem: 'gem', maven: 'maven', nuget: 'nuget', composer: 'composer',
};

export interface PackageAdvice {
  name: string;
  type: string;
  installed: string;
  recommended: string;
  /** finding IDs this upgrade fixes */
  fixes: string[];
  path?: string;
}

export interface FixAdvice {
  packages: PackageAdvice[];
  fixable: number;
  total: number;
  summary: string;
}

function maxVersion(scheme: VersionScheme, versions: string[]): string {
  let best = versions[0]!;
  for (const v of versions.slice(1)) {
    try {
      if (compareVersions(scheme, v, best) > 0) best = v;
    } catch {
      /* keep the comparable one */
    }
  }
  return best;
}

/** Groups fixable findings by package; the recommendation is the highest of their lowest fixes. */
export function fixAdvice(findings: Finding[]): FixAdvice {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.status !== 'fixed' || !f.fixedVersion) continue;
    const k = `${f.pkg.type}\0${f.pkg.name}\0${f.installedVersion}\0${f.pkg.path ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const packages: PackageAdvice[] = [];
  for (const list of groups.values()) {
    const f0 = list[0]!;
    const scheme = SCHEME[f0.pkg.type] ?? 'fuzzy';
    packages.push({
      name: f0.pkg.name,
      type: f0.pkg.type,
      installed: f0.installedVersion,
      recommended: maxVersion(scheme, list.map((f) => f.fixedVersion!)),
      fixes: [...new Set(list.map((f) => f.id))],
      path: f0.pkg.path,
    });
  }
  packages.sort((a, b) => b.fixes.length - a.fixes.length || (a.name < b.name ? -1 : 1));
  const fixable = new Set(findings.filter((f) => f.status === 'fixed').map((f) => `${f.id}\0${f.pkg.name}`)).size;
  const total = new Set(findings.map((f) => `${f.id}\0${f.pkg.name}`)).size;
  const summary = total === 0 ? 'no vulnerabilities' : packages.length === 0 ? `none of the ${total} findings has a fix yet` : `upgrading these ${packages.length} package${packages.length === 1 ? '' : 's'} fixes ${fixable} of ${total} findings`;
  return { packages, fixable, total, summary };
}
