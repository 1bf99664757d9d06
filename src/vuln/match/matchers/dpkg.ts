/** Debian and Ubuntu packages: looked up by source package and source version, per release. */
import type { Matcher } from '../types.js';
import { debianRelease, ubuntuRelease } from './distro-release.js';

export const dpkgMatcher: Matcher = {
  name: 'dpkg-matcher',
  packageTypes: ['deb'],
  queries(pkg, os) {
    if (!os || !os.version) return [];
    const name = pkg.sourceName ?? pkg.name;
    const version = pkg.sourceVersion ?? pkg.version;
    if (os.family === 'ubuntu') {
      return [{ ecosystem: 'Ubuntu', name, version, scheme: 'dpkg', acceptsEcosystem: ubuntuRelease(os), distro: true }];
    }
    if (os.family === 'debian' || os.like?.includes('debian')) {
      return [{ ecosystem: 'Debian', name, version, scheme: 'dpkg', acceptsEcosystem: debianRelease(os), distro: true }];
    }
    return [];
  },
};
