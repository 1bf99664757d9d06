import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstalledJson } from './parse-installed-json.js';

// composer 1.x: a bare array
const V1 = `[
    {
        "name": "guzzlehttp/guzzle",
        "version": "6.5.8",
        "version_normalized": "6.5.8.0",
        "type": "library",
        "installation-source": "dist",
        "license": ["MIT"]
    },
    { "name": "psr/http-message", "version": "1.0.1", "license": "MIT" }
]`;

// composer 2.x: an object with packages and the names of dev packages
const V2 = `{
    "packages": [
        {
            "name": "laravel/framework",
            "version": "v10.35.0",
            "version_normalized": "10.35.0.0",
            "type": "library",
            "install-path": "../laravel/framework",
            "license": ["MIT"]
        },
        { "name": "mockery/mockery", "version": "1.6.7", "license": ["BSD-3-Clause"], "install-path": "../mockery/mockery" }
    ],
    "dev": true,
    "dev-package-names": ["mockery/mockery"]
}`;

function summary(text: string): string[] {
  return parseInstalledJson(text).map((p) => `${p.purl} ${p.licenses.join('|')}${p.metadata?.dev ? ' dev' : ''}`);
}

describe('parseInstalledJson', () => {
  it('composer 1 array form', () => {
    assert.deepEqual(summary(V1), ['pkg:composer/guzzlehttp/guzzle@6.5.8 MIT', 'pkg:composer/psr/http-message@1.0.1 MIT']);
  });

  it('composer 2 object form with dev-package-names', () => {
    assert.deepEqual(summary(V2), ['pkg:composer/laravel/framework@v10.35.0 MIT', 'pkg:composer/mockery/mockery@1.6.7 BSD-3-Clause dev']);
  });

  it('throws a short error on malformed input', () => {
    assert.throws(() => parseInstalledJson('{"packages": 3}'), /no package list/);
    assert.throws(() => parseInstalledJson('[{'), /installed.json is not valid JSON/);
  });
});
