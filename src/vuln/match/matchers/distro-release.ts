/** Release filters: does an OSV ecosystem string ("Debian:11", "Alpine:v3.18") name the image's release? */
import type { OsInfo } from '../../../catalog/types.js';

export function majorOf(version: string): string {
  return version.split(/[.\s]/)[0] ?? '';
}

export function majorMinorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/** "Debian:11" accepts Debian 11.x; a bare "Debian" accepts any release. */
export function debianRelease(os: OsInfo): (eco: string) => boolean {
  const major = majorOf(os.version);
  return (eco) => {
    const parts = eco.split(':');
    return parts.length === 1 || parts[1] === major;
  };
}

/** "Ubuntu:22.04", "Ubuntu:22.04:LTS"; "Ubuntu:Pro:…" (ESM) only when asked for. */
export function ubuntuRelease(os: OsInfo, pro = false): (eco: string) => boolean {
  const v = majorMinorOf(os.versionId ?? os.version);
  return (eco) => {
    const parts = eco.split(':').slice(1);
    if (parts[0] === 'Pro') return pro && parts[1] === v;
    return parts[0] === v;
  };
}

/** "Alpine:v3.18" accepts 3.18.x. */
export function alpineRelease(os: OsInfo): (eco: string) => boolean {
  const want = `v${majorMinorOf(os.version)}`;
  return (eco) => eco.split(':')[1] === want;
}

/** "AlmaLinux:8", "Rocky Linux:9", "Red Hat:enterprise_linux:9::appstream": any segment naming the major. */
export function majorRelease(os: OsInfo): (eco: string) => boolean {
  const major = majorOf(os.version);
  return (eco) => {
    const parts = eco.split(':').slice(1);
    if (parts.length === 0) return true;
    return parts.some((p) => p === major || p.startsWith(`${major}.`) || new RegExp(`(^|[^0-9])${major}($|[^0-9.])`).test(p));
  };
}

/** "SUSE:Linux Enterprise Server 15 SP5", "openSUSE:Leap 15.5". */
export function suseRelease(os: OsInfo): (eco: string) => boolean {
  const [maj, min] = os.version.split('.');
  const sp = min && min !== '0' ? `${maj} SP${min}` : `${maj}`;
  return (eco) => {
    const rest = eco.split(':').slice(1).join(':');
    return rest.endsWith(` ${sp}`) || rest.endsWith(` ${os.version}`) || rest === '';
  };
}
