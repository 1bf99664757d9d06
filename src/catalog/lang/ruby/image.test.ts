/** End to end: a Ruby image with installed gems (default and bundled) and the app's Gemfile.lock. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanImage } from '../../../app/inventory.js';
import { makeImage, tempDir } from '../../../../test/helpers/fixtures.js';
import { gemfileLockCataloger, gemspecCataloger } from './cataloger.js';

const GEM_HOME = 'usr/local/lib/ruby/gems/3.2.0';

function gemspec(name: string, version: string, license: string): string {
  return `# -*- encoding: utf-8 -*-\nGem::Specification.new do |s|\n  s.name = "${name}".freeze\n  s.version = "${version}"\n  s.licenses = ["${license}".freeze]\nend\n`;
}

describe('ruby catalogers in an image', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => ({ dir, cleanup } = await tempDir()));
  after(() => cleanup());

  it('finds installed gemspecs and Gemfile.lock gems, skips a lockfile inside an installed gem', async () => {
    const img = await makeImage(dir, {
      layers: [
        { files: [{ path: `${GEM_HOME}/specifications/default/json-2.6.3.gemspec`, content: gemspec('json', '2.6.3', 'Ruby') }] },
        {
          files: [
            { path: 'usr/local/bundle/specifications/rack-3.0.8.gemspec', content: gemspec('rack', '3.0.8', 'MIT') },
            { path: 'usr/local/bundle/gems/rack-3.0.8/Gemfile.lock', content: 'GEM\n  specs:\n    minitest (5.20.0)\n' },
            { path: 'app/Gemfile.lock', content: 'GEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.15.4-x86_64-linux)\n      racc (~> 1.4)\n    rack (3.0.8)\n\nPLATFORMS\n  x86_64-linux\n' },
          ],
        },
      ],
    }, { format: 'oci-layout' });
    const { inventory } = await scanImage(img.path, { catalogers: [gemspecCataloger, gemfileLockCataloger], noCache: true, cacheDir: `${dir}/cache` });
    const rows = inventory.packages.map((p) => `${p.purl} ${p.licenses.join('|')} ${p.locations[0]!.path}#${p.locations[0]!.layerIndex} ${p.foundBy}`);
    assert.deepEqual(rows, [
      `pkg:gem/json@2.6.3 Ruby /${GEM_HOME}/specifications/default/json-2.6.3.gemspec#0 ruby-installed-gemspec-cataloger`,
      'pkg:gem/nokogiri@1.15.4  /app/Gemfile.lock#1 ruby-gemfile-lock-cataloger',
      'pkg:gem/rack@3.0.8  /app/Gemfile.lock#1 ruby-gemfile-lock-cataloger',
      'pkg:gem/rack@3.0.8 MIT /usr/local/bundle/specifications/rack-3.0.8.gemspec#1 ruby-installed-gemspec-cataloger',
    ]);
  });
});
