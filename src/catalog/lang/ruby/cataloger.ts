/** Ruby: installed gem specifications and Bundler lockfiles. */
import { fileText } from '../../read-file.js';
import type { Cataloger, ParseResult } from '../../types.js';
import { MB } from '../../types.js';
import { parseGemfileLock } from './parse-gemfile-lock.js';
import { parseGemspec } from './parse-gemspec.js';

const SPECIFICATIONS = '/specifications/';
// an unpacked gem's own directory: …/gems/rack-3.0.8/
const INSIDE_GEM = /\/gems\/[^/]+-\d[^/]*\//;

/** Installed gems: <gem home>/specifications/<name>-<version>.gemspec, default gems (specifications/default/) included. */
export const gemspecCataloger: Cataloger = {
  name: 'ruby-installed-gemspec-cataloger',
  version: 1,
  packageTypes: ['gem'],
  maxSize: MB,
  wants: (path) => path.endsWith('.gemspec') && path.includes(SPECIFICATIONS),
  async analyze(file): Promise<ParseResult> {
    return { packages: parseGemspec(await fileText(file)) };
  },
};

/**
 * Gemfile.lock / gems.locked. One inside an installed gem's directory was shipped by that gem and
 * lists its development setup, not what is installed, so it is skipped.
 */
export const gemfileLockCataloger: Cataloger = {
  name: 'ruby-gemfile-lock-cataloger',
  version: 1,
  packageTypes: ['gem'],
  wants: (path) => (path.endsWith('/Gemfile.lock') || path.endsWith('/gems.locked')) && !INSIDE_GEM.test(path),
  async analyze(file): Promise<ParseResult> {
    return { packages: parseGemfileLock(await fileText(file)) };
  },
};
