/** bannedPackages: packages that must not be installed, by name or purl glob, type and version range. */
import type { Package } from '../../catalog/types.js';
import { globToRegExp } from '../../vuln/ignore.js';
import type { RuleContext } from '../context.js';
import type { PolicyRules } from '../types.js';
import { inVersionRange, parseVersionRange, schemeForPackageType } from '../version-range.js';

export type BannedPackage = NonNullable<PolicyRules['bannedPackages']>[number];

/** True when the purl glob matches the package's purl, with or without qualifiers and version. */
function purlMatches(glob: string, pkg: Package): boolean {
  const re = globToRegExp(glob);
  const noQ = pkg.purl.split(/[?#]/)[0]!;
  const base = noQ.replace(/@[^@/]*$/, '');
  return re.test(pkg.purl) || re.test(noQ) || re.test(base);
}

/** Whether a package is covered by a ban entry. */
export function packageBanned(b: BannedPackage, pkg: Package): boolean {
  if (b.type && pkg.type !== b.type) return false;
  if (b.name) {
    const re = globToRegExp(b.name);
    if (!re.test(pkg.name) && !(pkg.sourceName && re.test(pkg.sourceName))) return false;
  }
  if (b.purl && !purlMatches(b.purl, pkg)) return false;
  if (b.versions && !inVersionRange(parseVersionRange(b.versions), pkg.version, schemeForPackageType(pkg.type))) return false;
  return true;
}

/** One violation per installed package a ban entry covers. */
export function evaluateBannedPackages(bans: BannedPackage[], ctx: RuleContext): void {
  const inv = ctx.facts.inventory;
  if (!inv) {
    ctx.fail('bannedPackages', { message: 'the package inventory did not run (no packages provided)' });
    return;
  }
  const seen = new Set<string>();
  for (const pkg of inv.packages) {
    const b = bans.find((x) => packageBanned(x, pkg));
    if (!b) continue;
    const where = pkg.locations[0]?.path;
    const key = `${pkg.purl}|${where ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const layer = pkg.locations[0]?.layerIndex;
    ctx.violate('bannedPackages', {
      subject: `${pkg.name}@${pkg.version}`,
      ids: [pkg.name, pkg.purl, ...(pkg.sourceName ? [pkg.sourceName] : [])],
      message: `banned package ${pkg.name} ${pkg.version} (${pkg.type}${where ? ` at ${where}` : ''}${layer !== undefined ? `, layer ${layer + 1}` : ''})${b.reason ? `: ${b.reason}` : ''}`,
    });
  }
}
