import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gemspecCataloger } from './cataloger.js';
import { parseGemspec } from './parse-gemspec.js';

// as rubygems 3.x writes an installed spec (trimmed)
const MODERN = `# -*- encoding: utf-8 -*-
# stub: nokogiri 1.15.4 x86_64-linux lib

Gem::Specification.new do |s|
  s.name = "nokogiri".freeze
  s.version = "1.15.4"
  s.platform = "x86_64-linux".freeze

  s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
  s.metadata = { "bug_tracker_uri" => "https://github.com/sparklemotion/nokogiri/issues" } if s.respond_to? :metadata=
  s.require_paths = ["lib".freeze]
  s.authors = ["Mike Dalessio".freeze, "Aaron Patterson".freeze]
  s.date = "2023-08-11"
  s.licenses = ["MIT".freeze]
  s.required_ruby_version = Gem::Requirement.new(">= 2.7".freeze)
  s.rubygems_version = "3.4.10".freeze

  s.installed_by_version = "3.4.10" if s.respond_to? :installed_by_version
  s.add_runtime_dependency(%q<racc>.freeze, ["~> 1.4"])
end
`;

// a default gem shipped with ruby (specifications/default/)
const DEFAULT_GEM = `# -*- encoding: utf-8 -*-
# stub: json 2.6.3 ruby lib

Gem::Specification.new do |s|
  s.name = "json".freeze
  s.version = "2.6.3"
  s.licenses = ["Ruby".freeze, "BSD-2-Clause".freeze]
  s.rubygems_version = "3.4.10".freeze
end
`;

// rubygems 1.x style
const LEGACY = `Gem::Specification.new do |s|
  s.name = %q{rake}
  s.version = "0.8.7"
  s.license = 'MIT'
  s.rubygems_version = %q{1.3.7}
end
`;

describe('parseGemspec', () => {
  const cases: [string, string, string[]][] = [
    ['modern spec with .freeze and a platform', MODERN, ['pkg:gem/nokogiri@1.15.4', 'MIT', 'x86_64-linux']],
    ['default gem with two licenses', DEFAULT_GEM, ['pkg:gem/json@2.6.3', 'Ruby|BSD-2-Clause', '']],
    ['legacy %q{} strings and s.license', LEGACY, ['pkg:gem/rake@0.8.7', 'MIT', '']],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      const [p, ...rest] = parseGemspec(text);
      assert.equal(rest.length, 0);
      assert.deepEqual([p!.purl, p!.licenses.join('|'), String(p!.metadata?.platform ?? '')], want);
    });
  }

  it('nothing without a name and version', () => {
    assert.deepEqual(parseGemspec('Gem::Specification.new do |s|\n  s.name = "x"\nend\n'), []);
    assert.deepEqual(parseGemspec('\u0000\u0001 binary junk'), []);
  });

  it('stays fast on a hostile long line', () => {
    const start = Date.now();
    parseGemspec(`  s.name = "${'"'.repeat(100_000)}\n  s.licenses = [${'"a",'.repeat(1000)}`);
    assert.ok(Date.now() - start < 1000);
  });
});

describe('gemspecCataloger.wants', () => {
  const cases: [string, boolean][] = [
    ['/usr/local/lib/ruby/gems/3.2.0/specifications/rake-13.0.6.gemspec', true],
    ['/usr/local/lib/ruby/gems/3.2.0/specifications/default/json-2.6.3.gemspec', true],
    ['/usr/local/bundle/specifications/rack-3.0.8.gemspec', true],
    ['/app/myapp.gemspec', false],
    ['/usr/local/bundle/gems/rack-3.0.8/rack.gemspec', false],
  ];
  for (const [path, want] of cases) it(path, () => assert.equal(gemspecCataloger.wants(path, 100, 0o644), want));
});
