/** RPM distributions: AlmaLinux, Rocky, Red Hat, SUSE/openSUSE, Mageia, openEuler … by binary name and EVR. */
import type { Matcher } from '../types.js';
import { majorRelease, suseRelease } from './distro-release.js';

const ECOSYSTEM: Record<string, string> = {
  almalinux: 'AlmaLinux',
  rocky: 'Rocky Linux',
  redhat: 'Red Hat',
  rhel: 'Red Hat',
  sles: 'SUSE',
  'opensuse-leap': 'openSUSE',
  opensuse: 'openSUSE',
  mageia: 'Mageia',
  openeuler: 'openEuler',
  photon: 'Photon OS',
  azurelinux: 'Azure Linux',
  mariner: 'Azure Linux',
};

export const rpmMatcher: Matcher = {
  name: 'rpm-matcher',
  packageTypes: ['rpm'],
  queries(pkg, os) {
    const eco = os ? ECOSYSTEM[os.family] : undefined;
    if (!os || !eco || !os.version) return [];
    const version = pkg.epoch ? `${pkg.epoch}:${pkg.version}` : pkg.version;
    const accepts = eco === 'SUSE' || eco === 'openSUSE' ? suseRelease(os) : majorRelease(os);
    return [{ ecosystem: eco, name: pkg.name, version, scheme: 'rpm', acceptsEcosystem: accepts, distro: true }];
  },
};
