import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApkInstalled } from './parse-installed.js';

describe('apk installed db', () => {
  it('reads records with origin, licenses and owned files', () => {
    const db = [
      'C:Q1abc=\nP:libcrypto1.1\nV:1.1.1d-r2\nA:x86_64\nS:1\nI:2\nT:Crypto library\nL:OpenSSL\no:openssl\nm:Maintainer <m@example.org>\nF:lib\nR:libcrypto.so.1.1\nF:usr/lib\nR:libcrypto.so.1.1\n',
      'P:musl\nV:1.1.22-r3\nA:x86_64\nL:MIT BSD GPL2+\nF:lib\nR:ld-musl-x86_64.so.1\n',
      'P:busybox\nV:1.36.1-r5\nL:GPL-2.0-only AND BSD-2-Clause\n',
    ].join('\n');
    const pkgs = parseApkInstalled(db);
    assert.deepEqual(pkgs.map((p) => [p.name, p.version, p.sourceName, p.licenses]), [
      ['libcrypto1.1', '1.1.1d-r2', 'openssl', ['OpenSSL']],
      ['musl', '1.1.22-r3', 'musl', ['MIT', 'BSD', 'GPL2+']],
      ['busybox', '1.36.1-r5', 'busybox', ['GPL-2.0-only AND BSD-2-Clause']],
    ]);
    assert.deepEqual(pkgs[0]!.files, ['/lib/libcrypto.so.1.1', '/usr/lib/libcrypto.so.1.1']);
  });

  it('records without P or V are ignored', () => {
    assert.deepEqual(parseApkInstalled('V:1.0\n\nP:x\n\ngarbage line\n'), []);
  });
});
