/** PHP: composer.lock files and composer's record of installed packages (vendor/composer/installed.json). */
import { fileText } from '../../read-file.js';
import type { Cataloger, ParseResult } from '../../types.js';
import { parseComposerLock } from './parse-composer-lock.js';
import { parseInstalledJson } from './parse-installed-json.js';

const LOCK = '/composer.lock';
const INSTALLED = '/vendor/composer/installed.json';

/**
 * Composer packages. A composer.lock inside vendor/ was shipped by a dependency and lists that
 * dependency's own development setup, not what is installed, so it is skipped.
 */
export const composerCataloger: Cataloger = {
  name: 'php-composer-cataloger',
  version: 1,
  packageTypes: ['composer'],
  wants: (path) => path.endsWith(INSTALLED) || (path.endsWith(LOCK) && !path.includes('/vendor/')),
  async analyze(file): Promise<ParseResult> {
    const text = await fileText(file);
    return { packages: file.path.endsWith(LOCK) ? parseComposerLock(text) : parseInstalledJson(text) };
  },
};
