import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gemfileLockCataloger } from './cataloger.js';
import { parseGemfileLock, splitPlatform } from './parse-gemfile-lock.js';

const LOCK = `GIT
  remote: https://github.com/rails/rails.git
  revision: 0123456789abcdef0123456789abcdef01234567
  branch: main
  specs:
    actioncable (7.2.0.alpha)
      actionpack (= 7.2.0.alpha)

PATH
  remote: .
  specs:
    myapp (0.1.0)
      rack (>= 2)

GEM
  remote: https://rubygems.org/
  specs:
    concurrent-ruby (1.2.2)
    nokogiri (1.15.4-arm64-darwin)
      racc (~> 1.4)
    nokogiri (1.15.4-x86_64-linux)
      racc (~> 1.4)
    racc (1.7.1)
    rack (3.0.8)
    sqlite3 (1.6.6-x86_64-linux)

PLATFORMS
  arm64-darwin-22
  x86_64-linux

DEPENDENCIES
  actioncable!
  myapp!
  nokogiri
  rack (~> 3.0)

BUNDLED WITH
   2.4.19
`;

describe('parseGemfileLock', () => {
  it('reads GEM and GIT specs, skips PATH and dependency lines, strips platforms', () => {
    const got = parseGemfileLock(LOCK).map((p) => `${p.purl} ${p.metadata?.platform ?? ''} ${p.metadata?.source ?? ''}`.trim());
    assert.deepEqual(got, [
      'pkg:gem/actioncable@7.2.0.alpha  git',
      'pkg:gem/concurrent-ruby@1.2.2',
      'pkg:gem/nokogiri@1.15.4 arm64-darwin,x86_64-linux',
      'pkg:gem/racc@1.7.1',
      'pkg:gem/rack@3.0.8',
      'pkg:gem/sqlite3@1.6.6 x86_64-linux',
    ]);
  });

  it('CRLF line endings', () => {
    assert.deepEqual(parseGemfileLock('GEM\r\n  remote: https://rubygems.org/\r\n  specs:\r\n    rake (13.0.6)\r\n').map((p) => p.purl), ['pkg:gem/rake@13.0.6']);
  });

  it('garbage yields nothing', () => assert.deepEqual(parseGemfileLock('    rake (13.0.6)\n\u0000'), []));
});

describe('splitPlatform', () => {
  const cases: [string, string, string | undefined][] = [
    ['1.15.4-x86_64-linux', '1.15.4', 'x86_64-linux'],
    ['1.15.4-x86_64-linux-musl', '1.15.4', 'x86_64-linux-musl'],
    ['9.4.3.0-java', '9.4.3.0', 'java'],
    ['1.16.0-x64-mingw-ucrt', '1.16.0', 'x64-mingw-ucrt'],
    ['2.0.0-universal-darwin', '2.0.0', 'universal-darwin'],
    ['7.2.0.alpha', '7.2.0.alpha', undefined],
    ['1.0.0-rc1', '1.0.0-rc1', undefined],
  ];
  for (const [raw, version, platform] of cases) it(raw, () => assert.deepEqual(splitPlatform(raw), platform ? { version, platform } : { version }));
});

describe('gemfileLockCataloger.wants', () => {
  const cases: [string, boolean][] = [
    ['/app/Gemfile.lock', true],
    ['/srv/app/gems.locked', true],
    ['/usr/local/bundle/gems/rack-3.0.8/Gemfile.lock', false],
    ['/app/Gemfile', false],
  ];
  for (const [path, want] of cases) it(path, () => assert.equal(gemfileLockCataloger.wants(path, 100, 0o644), want));
});
