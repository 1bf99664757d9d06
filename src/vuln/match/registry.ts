/** The only list of matchers: one per package type. */
import { apkMatcher } from './matchers/apk.js';
import { dpkgMatcher } from './matchers/dpkg.js';
import { dotnetMatcher, goMatcher, javaMatcher, npmMatcher, phpMatcher, pythonMatcher, rubyMatcher, rustMatcher } from './matchers/language.js';
import { rpmMatcher } from './matchers/rpm.js';
import type { Matcher } from './types.js';

export const matchers: Matcher[] = [
  dpkgMatcher,
  apkMatcher,
  rpmMatcher,
  npmMatcher,
  pythonMatcher,
  goMatcher,
  rustMatcher,
  rubyMatcher,
  javaMatcher,
  dotnetMatcher,
  phpMatcher,
];
