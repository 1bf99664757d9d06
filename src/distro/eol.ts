/** End-of-life status of an image's OS release, from the data table in eol-data.ts. */
import type { OsInfo } from '../catalog/types.js';
import { EOL_DATA, type EolDistro, type EolRelease } from './eol-data.js';

export type EolState = 'supported' | 'eol' | 'rolling' | 'unknown';

export interface EolStatus {
  state: EolState;
  distro?: string;
  /** the release cycle matched ("3.10", "12", "22.04") */
  cycle?: string;
  release?: EolRelease;
  /** whole days until (positive) or since (negative) the end of free security support */
  daysLeft?: number;
  /** why the state is unknown */
  reason?: string;
}

const DAY = 86_400_000;

/** The table entry for an OS family, or undefined. */
export function eolDistro(family: string): EolDistro | undefined {
  return EOL_DATA.find((d) => d.families.includes(family));
}

/** The cycle key of a version under a distribution's rule: "3.10.4" -> "3.10" (major.minor), "12.5" -> "12" (major). */
export function cycleOf(d: EolDistro, os: OsInfo): string | undefined {
  const v = (os.versionId || os.version || '').trim();
  if (d.families.includes('centos') && /stream/i.test(`${os.name ?? ''} ${os.prettyName ?? ''}`)) return `stream-${v.split('.')[0]}`;
  if (!/^\d+(\.\d+)*$/.test(v)) {
    // Debian testing/sid ("trixie/sid") and Alpine edge ("3.21_alpha…") are not releases
    return undefined;
  }
  const parts = v.split('.');
  if (d.cycleFrom === 'major') return parts[0];
  if (d.cycleFrom === 'major.minor') return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : undefined;
  return v;
}

/** EOL status of an OS at `now`: supported, eol, rolling (never EOL), or unknown (not in the table). */
export function eolStatus(os: OsInfo | undefined, now: Date = new Date()): EolStatus {
  if (!os) return { state: 'unknown', reason: 'no OS detected' };
  const d = eolDistro(os.family);
  if (!d) return { state: 'unknown', reason: `no EOL data for ${os.family}` };
  if (d.rolling) return { state: 'rolling', distro: d.name };
  // Debian images always carry a point release in /etc/debian_version; os.version has it, versionId the major
  const cycle = cycleOf(d, { ...os, versionId: d.cycleFrom === 'major' ? os.version || os.versionId : os.versionId || os.version });
  if (!cycle) return { state: 'unknown', distro: d.name, reason: `version ${os.version || '(none)'} is not a release` };
  const release = d.releases.find((r) => r.cycle === cycle);
  if (!release) return { state: 'unknown', distro: d.name, cycle, reason: `${d.name} ${cycle} is not in the EOL table` };
  if (release.eol === null) return { state: 'rolling', distro: d.name, cycle, release };
  const daysLeft = Math.ceil((Date.parse(`${release.eol}T00:00:00Z`) - now.getTime()) / DAY);
  return { state: daysLeft < 0 ? 'eol' : 'supported', distro: d.name, cycle, release, daysLeft };
}

/** Compares dotted numeric versions ("3.10.2" < "3.10.9"); non-numeric parts compare as 0. */
export function compareDotted(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
