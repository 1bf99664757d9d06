/** Package URLs. OS packages get their namespace and distro qualifier once the OS is known. */
import { PackageURL } from 'packageurl-js';
import type { OsInfo, Package } from './types.js';

export function purl(type: string, namespace: string | undefined, name: string, version: string, qualifiers?: Record<string, string | undefined>, subpath?: string): string {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(qualifiers ?? {})) if (v !== undefined && v !== '') q[k] = v;
  return new PackageURL(type, namespace || undefined, name, version || undefined, Object.keys(q).length ? q : undefined, subpath).toString();
}

const RPM_NAMESPACE: Record<string, string> = {
  redhat: 'redhat', centos: 'centos', rocky: 'rocky', almalinux: 'almalinux', fedora: 'fedora', amazon: 'amazon',
  oracle: 'oracle', sles: 'suse', 'opensuse-leap': 'opensuse', opensuse: 'opensuse', 'opensuse-tumbleweed': 'opensuse',
  photon: 'photon', mariner: 'mariner', azurelinux: 'azurelinux',
};

/** Fills in the purl of an OS package (deb, apk, rpm) from the detected OS. */
export function osPurl(p: Package, os: OsInfo | undefined): string {
  const family = os?.family;
  const distro = family ? (p.type === 'apk' ? os!.version : `${family}-${os!.version}`) : undefined;
  if (p.type === 'deb') {
    const upstream = p.sourceName && p.sourceName !== p.name ? (p.sourceVersion && p.sourceVersion !== p.version ? `${p.sourceName}@${p.sourceVersion}` : p.sourceName) : undefined;
    return purl('deb', family ?? 'debian', p.name, p.version, { arch: p.arch, upstream, distro });
  }
  if (p.type === 'apk') {
    const upstream = p.sourceName && p.sourceName !== p.name ? p.sourceName : undefined;
    return purl('apk', family ?? 'alpine', p.name, p.version, { arch: p.arch, upstream, distro });
  }
  if (p.type === 'rpm') {
    const ns = (family && RPM_NAMESPACE[family]) ?? family;
    return purl('rpm', ns, p.name, p.version, { arch: p.arch, epoch: p.epoch ? String(p.epoch) : undefined, upstream: p.metadata?.sourceRpm as string | undefined, distro });
  }
  return p.purl;
}
