/** The only list of catalogers. A test asserts every folder under os/ and lang/ is registered here. */
import { apkCataloger } from './os/apk/cataloger.js';
import { dpkgCataloger } from './os/dpkg/cataloger.js';
import type { Cataloger } from './types.js';

export const catalogers: Cataloger[] = [
  dpkgCataloger,
  apkCataloger,
];
