/** The only list of catalogers. A test asserts every folder under os/ and lang/ is registered here. */
import { dotnetDepsCataloger } from './lang/dotnet/cataloger.js';
import { goBinaryCataloger } from './lang/go-binary/cataloger.js';
import { javaArchiveCataloger } from './lang/java/cataloger.js';
import { npmLockCataloger, npmPackageCataloger } from './lang/npm/cataloger.js';
import { composerCataloger } from './lang/php/cataloger.js';
import { pythonInstalledCataloger, pythonLockCataloger } from './lang/python/cataloger.js';
import { gemfileLockCataloger, gemspecCataloger } from './lang/ruby/cataloger.js';
import { rustBinaryCataloger } from './lang/rust-binary/cataloger.js';
import { rustCargoLockCataloger } from './lang/rust-lock/cataloger.js';
import { apkCataloger } from './os/apk/cataloger.js';
import { dpkgCataloger } from './os/dpkg/cataloger.js';
import { rpmCataloger } from './os/rpm/cataloger.js';
import type { Cataloger } from './types.js';

export const catalogers: Cataloger[] = [
  // OS packages
  dpkgCataloger,
  apkCataloger,
  rpmCataloger,
  // language packages
  npmPackageCataloger,
  npmLockCataloger,
  pythonInstalledCataloger,
  pythonLockCataloger,
  rustCargoLockCataloger,
  rustBinaryCataloger,
  goBinaryCataloger,
  javaArchiveCataloger,
  composerCataloger,
  dotnetDepsCataloger,
  gemspecCataloger,
  gemfileLockCataloger,
];
