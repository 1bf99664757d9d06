import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposerLock } from './parse-composer-lock.js';

// shape as composer 2.x writes it (content trimmed)
const LOCK = `{
    "_readme": ["This file locks the dependencies of your project to a known state"],
    "content-hash": "2b0b8d1f4f3b7e1e0d2e7e8f5a9c0b1d",
    "packages": [
        {
            "name": "monolog/monolog",
            "version": "3.5.0",
            "source": { "type": "git", "url": "https://github.com/Seldaek/monolog.git", "reference": "c915e2634718dbc8a4a15c61b0e62e7a44e14448" },
            "require": { "php": ">=8.1", "psr/log": "^2.0 || ^3.0" },
            "type": "library",
            "license": ["MIT"]
        },
        {
            "name": "symfony/console",
            "version": "v6.4.1",
            "type": "library",
            "license": ["MIT"]
        },
        { "name": "broken-no-vendor", "version": "1.0.0" },
        { "name": "acme/no-version" }
    ],
    "packages-dev": [
        { "name": "phpunit/phpunit", "version": "10.5.3", "license": ["BSD-3-Clause"] }
    ],
    "aliases": [],
    "minimum-stability": "stable",
    "plugin-api-version": "2.6.0"
}`;

describe('parseComposerLock', () => {
  it('reads packages and packages-dev', () => {
    const got = parseComposerLock(LOCK).map((p) => [p.purl, p.licenses.join('|'), p.metadata?.dev ?? false]);
    assert.deepEqual(got, [
      ['pkg:composer/monolog/monolog@3.5.0', 'MIT', false],
      ['pkg:composer/symfony/console@v6.4.1', 'MIT', false],
      ['pkg:composer/phpunit/phpunit@10.5.3', 'BSD-3-Clause', true],
    ]);
  });

  it('a lock without packages is empty', () => assert.deepEqual(parseComposerLock('{"packages": []}'), []));

  it('throws a short error on malformed input', () => {
    assert.throws(() => parseComposerLock('{"packages": ['), /composer.lock is not valid JSON/);
    assert.throws(() => parseComposerLock('"x"'), /not a JSON object/);
  });
});
