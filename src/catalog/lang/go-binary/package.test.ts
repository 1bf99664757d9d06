import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goPackages, stdlibVersion, versionFromLdflags } from './package.js';

describe('stdlibVersion', () => {
  const cases: [string, string | undefined][] = [
    ['go1.21.5', 'v1.21.5'],
    ['go1.20', 'v1.20.0'],
    ['go1.22rc1', 'v1.22.0-rc.1'],
    ['go1.21.5 X:boringcrypto', 'v1.21.5'],
    ['devel go1.23-abcdef Tue', undefined],
    ['nonsense', undefined],
  ];
  for (const [input, want] of cases) it(`${input} -> ${want}`, () => assert.equal(stdlibVersion(input), want));
});

describe('versionFromLdflags', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['-s -w -X main.version=1.2.3', 'v1.2.3'],
    ["-X 'github.com/x/y/internal.Version=v2.0.1-rc.1'", 'v2.0.1-rc.1'],
    ['-X main.commit=abc', undefined],
    [undefined, undefined],
  ];
  for (const [input, want] of cases) it(`${input} -> ${want}`, () => assert.equal(versionFromLdflags(input), want));
});

describe('goPackages', () => {
  const modinfo = [
    'path\texample.com/app',
    'mod\texample.com/app\t(devel)\t',
    'dep\tgithub.com/a/b\tv1.0.0\th1:ab=',
    'dep\tgithub.com/old/lib\tv1.0.0\th1:old=',
    '=>\tgithub.com/fork/lib\tv1.0.1\th1:fork=',
    'dep\texample.com/local\tv0.0.0',
    '=>\t./local\t',
    'build\tGOOS=linux',
    'build\tGOARCH=amd64',
    '',
  ].join('\n');

  it('emits deps (replacements applied), stdlib, and skips a (devel) main module', () => {
    const pkgs = goPackages({ goVersion: 'go1.21.5', modinfo });
    assert.deepEqual(
      pkgs.map((p) => p.purl),
      ['pkg:golang/github.com/a/b@v1.0.0', 'pkg:golang/github.com/fork/lib@v1.0.1', 'pkg:golang/stdlib@v1.21.5'],
    );
    const fork = pkgs[1]!;
    assert.equal(fork.name, 'github.com/fork/lib');
    assert.equal(fork.metadata?.replaces, 'github.com/old/lib@v1.0.0');
    assert.equal(fork.metadata?.h1Digest, 'h1:fork=');
    assert.equal(fork.metadata?.goarch, 'amd64');
    assert.equal(pkgs[2]!.metadata?.goVersion, 'go1.21.5');
  });

  it('takes the main version from -ldflags when the module is (devel)', () => {
    const pkgs = goPackages({ goVersion: 'go1.22.0', modinfo: modinfo + 'build\t-ldflags="-X main.version=3.1.4"\n' });
    const main = pkgs.find((p) => p.metadata?.main)!;
    assert.equal(main.purl, 'pkg:golang/example.com/app@v3.1.4');
    assert.equal(main.metadata?.versionFrom, 'ldflags');
    assert.deepEqual(main.metadata?.localReplacements, ['example.com/local => ./local']);
    assert.equal((main.metadata?.buildSettings as Record<string, string>).GOOS, 'linux');
  });

  it('still reports stdlib for a binary built without modules', () => {
    assert.deepEqual(goPackages({ goVersion: 'go1.17.13', modinfo: '' }).map((p) => p.purl), ['pkg:golang/stdlib@v1.17.13']);
  });
});
