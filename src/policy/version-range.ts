/**
 * Version ranges for banned packages: `>=2.0.0, <2.17.1`, `<1.2 || >=3`, `=1.0.0`, `!=1.0`.
 * A comma (or space) joins conditions that must all hold; `||` joins alternatives. Versions are
 * compared with the package ecosystem's own ordering (dpkg, apk, rpm, npm semver, PEP 440 …).
 */
import type { PackageType } from '../catalog/types.js';
import { compareVersions, type VersionScheme } from '../version/index.js';

export type RangeOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export interface RangeCondition {
  op: RangeOp;
  version: string;
}
/** Alternatives (or) of conditions (and). */
export type VersionRange = RangeCondition[][];

const COND = /^(<=|>=|!=|==|<|>|=)?\s*([^\s<>=!,|]+)$/;

/** Parses a range; throws an Error whose message says what is wrong. */
export function parseVersionRange(text: string): VersionRange {
  const alts = text.split('||').map((a) => a.trim());
  if (alts.some((a) => !a)) throw new Error(`empty alternative in version range ${JSON.stringify(text)}`);
  return alts.map((alt) => {
    const parts = alt
      .split(/\s*,\s*|\s+(?=[<>=!])/)
      .map((p) => p.trim())
      .filter(Boolean);
    return parts.map((p) => {
      const m = COND.exec(p);
      if (!m) throw new Error(`cannot read ${JSON.stringify(p)} in version range ${JSON.stringify(text)} (use e.g. ">=1.0, <2.0")`);
      const op = (m[1] === '==' ? '=' : m[1] ?? '=') as RangeOp;
      return { op, version: m[2]! };
    });
  });
}

/** The comparison scheme for a package type. */
export function schemeForPackageType(t: PackageType): VersionScheme {
  const map: Record<PackageType, VersionScheme> = {
    deb: 'dpkg',
    apk: 'apk',
    rpm: 'rpm',
    npm: 'npm',
    pypi: 'pep440',
    golang: 'go',
    maven: 'maven',
    gem: 'gem',
    cargo: 'cargo',
    composer: 'composer',
    nuget: 'nuget',
  };
  return map[t] ?? 'fuzzy';
}

function holds(c: RangeCondition, cmp: number): boolean {
  switch (c.op) {
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '!=':
      return cmp !== 0;
    default:
      return cmp === 0;
  }
}

function compareLoose(scheme: VersionScheme, a: string, b: string): number {
  try {
    return compareVersions(scheme, a, b);
  } catch {
    return compareVersions('fuzzy', a, b);
  }
}

/** True when `version` is in the range under the scheme (falling back to fuzzy order for versions the scheme rejects). */
export function inVersionRange(range: VersionRange, version: string, scheme: VersionScheme): boolean {
  return range.some((alt) => alt.every((c) => holds(c, compareLoose(scheme, version, c.version))));
}
