/** OS detection from os-release and the distributions' own release files. */
import type { OsInfo } from '../catalog/types.js';

export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let v = m[2]!;
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    out[m[1]!] = v.replace(/\\(["'$`\\])/g, '$1');
  }
  return out;
}

const DEBIAN_CODENAMES: Record<string, string> = {
  '7': 'wheezy', '8': 'jessie', '9': 'stretch', '10': 'buster', '11': 'bullseye', '12': 'bookworm', '13': 'trixie', '14': 'forky',
};

const ID_ALIASES: Record<string, string> = { amzn: 'amazon', 'sles_sap': 'sles', 'opensuse-leap': 'opensuse-leap', rhel: 'redhat', ol: 'oracle' };

/** read(path) returns the final content of a file (symlinks resolved) or undefined. */
export function detectOs(read: (path: string) => string | undefined, hasDpkg = false): OsInfo | undefined {
  const osr = read('/etc/os-release') ?? read('/usr/lib/os-release');
  const kv = osr ? parseOsRelease(osr) : {};
  let id = (kv.ID ?? '').toLowerCase();
  const info: OsInfo = { family: '', version: kv.VERSION_ID ?? '' };
  if (kv.VERSION_CODENAME) info.codename = kv.VERSION_CODENAME;
  if (kv.NAME) info.name = kv.NAME;
  if (kv.PRETTY_NAME) info.prettyName = kv.PRETTY_NAME;
  if (kv.ID_LIKE) info.like = kv.ID_LIKE.split(/\s+/).filter(Boolean);
  if (kv.VERSION_ID) info.versionId = kv.VERSION_ID;

  const alpine = read('/etc/alpine-release')?.trim();
  if (id === 'alpine' || (!id && alpine)) {
    return { ...info, family: 'alpine', version: alpine || info.version };
  }
  const debVersion = read('/etc/debian_version')?.trim();
  if (id === 'debian' || (!id && debVersion)) {
    const out: OsInfo = { ...info, family: 'debian' };
    if (debVersion && /^\d/.test(debVersion)) out.version = debVersion;
    else if (!out.version && debVersion) out.version = debVersion; // testing: "trixie/sid"
    const major = out.version.split('.')[0] ?? '';
    if (!out.codename && DEBIAN_CODENAMES[major]) out.codename = DEBIAN_CODENAMES[major];
    if (kv.PRETTY_NAME?.toLowerCase().includes('distroless')) out.name = 'Distroless';
    return out;
  }
  if (id) {
    return { ...info, family: ID_ALIASES[id] ?? id };
  }
  const lsb = read('/etc/lsb-release');
  if (lsb) {
    const l = parseOsRelease(lsb);
    if (l.DISTRIB_ID) return { family: l.DISTRIB_ID.toLowerCase(), version: l.DISTRIB_RELEASE ?? '', codename: l.DISTRIB_CODENAME };
  }
  for (const [file, family] of [
    ['/etc/centos-release', 'centos'],
    ['/etc/rocky-release', 'rocky'],
    ['/etc/almalinux-release', 'almalinux'],
    ['/etc/fedora-release', 'fedora'],
    ['/etc/oracle-release', 'oracle'],
    ['/etc/redhat-release', 'redhat'],
    ['/etc/photon-release', 'photon'],
    ['/etc/mariner-release', 'mariner'],
    ['/etc/system-release', 'amazon'],
  ] as const) {
    const t = read(file);
    if (t) {
      const v = /release\s+([\d.]+)/i.exec(t)?.[1] ?? /([\d.]+)/.exec(t)?.[1] ?? '';
      const fam = family === 'redhat' && /centos/i.test(t) ? 'centos' : family;
      return { family: fam, version: v, prettyName: t.split('\n')[0] };
    }
  }
  // distroless images without os-release still carry dpkg status.d
  if (hasDpkg) return { family: 'debian', version: '', name: 'Distroless' };
  return undefined;
}
