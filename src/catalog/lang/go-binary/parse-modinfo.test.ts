import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseModInfo, unquoteGo } from './parse-modinfo.js';

const TEXT = [
  'path\texample.com/app/cmd/app',
  'mod\texample.com/app\tv1.4.0\th1:main=',
  'dep\tgolang.org/x/sys\tv0.15.0\th1:sys=',
  'dep\tgithub.com/old/lib\tv1.0.0',
  '=>\tgithub.com/fork/lib\tv1.0.1\th1:fork=',
  'dep\texample.com/local\tv0.0.0',
  '=>\t../local\t',
  'build\t-compiler=gc',
  'build\t-ldflags="-s -w -X main.version=1.4.0"',
  'build\t"weird key"=x',
  'build\tGOOS=linux',
  'build\t__proto__=polluted',
  'garbage line without tab',
  '',
].join('\n');

describe('parseModInfo', () => {
  const info = parseModInfo(TEXT);
  it('reads the main package and module', () => {
    assert.equal(info.path, 'example.com/app/cmd/app');
    assert.deepEqual(info.main, { path: 'example.com/app', version: 'v1.4.0', sum: 'h1:main=' });
  });
  it('attaches => lines to the module above', () => {
    assert.deepEqual(info.deps[1]!.replace, { path: 'github.com/fork/lib', version: 'v1.0.1', sum: 'h1:fork=' });
    assert.deepEqual(info.deps[2]!.replace, { path: '../local', version: '' });
    assert.equal(info.deps[0]!.replace, undefined);
  });
  it('unquotes build settings and ignores __proto__', () => {
    assert.equal(info.settings['-ldflags'], '-s -w -X main.version=1.4.0');
    assert.equal(info.settings['weird key'], 'x');
    assert.equal(info.settings.GOOS, 'linux');
    assert.equal(Object.getPrototypeOf(info.settings), Object.prototype);
    assert.equal(Object.hasOwn(info.settings, '__proto__'), false);
  });
});

describe('unquoteGo', () => {
  const cases: [string, string][] = [
    ['"plain"', 'plain'],
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ['"tab\\there\\n"', 'tab\there\n'],
    ['"\\x41\\u00e9\\U0001F600"', 'Aé😀'],
    ['"unterminated', 'unterminated'],
  ];
  for (const [input, want] of cases) {
    it(`unquotes ${input}`, () => assert.equal(unquoteGo(input, 0).value, want));
  }
});
