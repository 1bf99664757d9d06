/** apk: the installed database of Alpine, Wolfi and Chainguard images. */
import { fileText } from '../../read-file.js';
import type { Cataloger } from '../../types.js';
import { parseApkInstalled } from './parse-installed.js';

export const apkCataloger: Cataloger = {
  name: 'apk-db-cataloger',
  version: 1,
  packageTypes: ['apk'],
  maxSize: 256 * 1024 * 1024,
  wants: (path) => path === '/lib/apk/db/installed' || path === '/usr/lib/apk/db/installed',
  analyze: async (file) => ({ packages: parseApkInstalled(await fileText(file)) }),
};
