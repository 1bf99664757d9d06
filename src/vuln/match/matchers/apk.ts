/** Alpine, Wolfi and Chainguard packages: looked up by origin (source) name and package version. */
import type { Matcher } from '../types.js';
import { alpineRelease } from './distro-release.js';

export const apkMatcher: Matcher = {
  name: 'apk-matcher',
  packageTypes: ['apk'],
  queries(pkg, os) {
    const name = pkg.sourceName ?? pkg.name;
    const any = (): boolean => true;
    if (os?.family === 'alpine' && os.version) {
      return [{ ecosystem: 'Alpine', name, version: pkg.version, scheme: 'apk', acceptsEcosystem: alpineRelease(os), distro: true }];
    }
    if (os?.family === 'wolfi') return [{ ecosystem: 'Wolfi', name, version: pkg.version, scheme: 'apk', acceptsEcosystem: any, distro: true }];
    if (os?.family === 'chainguard') {
      return [
        { ecosystem: 'Chainguard', name, version: pkg.version, scheme: 'apk', acceptsEcosystem: any, distro: true },
        { ecosystem: 'Wolfi', name, version: pkg.version, scheme: 'apk', acceptsEcosystem: any, distro: true },
      ];
    }
    return [];
  },
};
