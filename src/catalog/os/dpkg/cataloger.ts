/** dpkg: status (and distroless status.d), plus info/*.list for file ownership and copyright for licenses. */
import { posix } from 'node:path';
import { fileText } from '../../read-file.js';
import type { Cataloger, ParseResult } from '../../types.js';
import { parseDpkgStatus } from './parse-status.js';
import { parseCopyrightLicenses } from './parse-copyright.js';

const STATUS = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d/';
const INFO = '/var/lib/dpkg/info/';
const COPYRIGHT = /^\/usr\/share\/doc\/([^/]+)\/copyright$/;

export const dpkgCataloger: Cataloger = {
  name: 'dpkg-db-cataloger',
  version: 1,
  packageTypes: ['deb'],
  maxSize: 256 * 1024 * 1024,
  wants(path) {
    if (path === STATUS) return true;
    if (path.startsWith(STATUS_D)) return !path.endsWith('.md5sums');
    if (path.startsWith(INFO)) return path.endsWith('.list');
    return COPYRIGHT.test(path);
  },
  async analyze(file): Promise<ParseResult | null> {
    const text = await fileText(file);
    if (file.path.startsWith(INFO)) {
      const base = posix.basename(file.path, '.list');
      const [name, arch] = base.split(':');
      const files = text.split('\n').filter((l) => l.startsWith('/') && l !== '/.');
      return { packages: [], ownedFiles: [{ type: 'deb', name: name!, arch, files }] };
    }
    const cm = COPYRIGHT.exec(file.path);
    if (cm) {
      const licenses = parseCopyrightLicenses(text);
      return { packages: [], licenses: [{ type: 'deb', name: cm[1]!, licenses }] };
    }
    return { packages: parseDpkgStatus(text) };
  },
};
