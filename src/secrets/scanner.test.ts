/** Scanner behaviour: allow-list, redaction, binary and size skips, line numbers, hostile input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlaceholder, skipPath } from './allowlist.js';
import { shannonEntropy } from './entropy.js';
import { fakeTokens, randomAlnum } from './fake-tokens.js';
import { redact, redactIn } from './redact.js';
import { DEFAULT_MAX_FILE_BYTES, scanBuffer, scanText } from './scanner.js';

const t = fakeTokens();

describe('secret scanner', () => {
  it('reports line numbers and the variable name of assignments', () => {
    const text = `# config\n\nA=1\nDB_PASSWORD=${t.password}\nGITHUB_TOKEN=${t.githubPat}\n`;
    const { findings } = scanText(text, '/app/.env');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.key ?? '']),
      [
        ['generic-secret-assignment', 4, 'DB_PASSWORD'],
        ['github-pat', 5, ''],
      ],
    );
  });

  it('allow-lists documentation example values and placeholders', () => {
    const awsDocId = 'AKIA' + 'IOSFODNN7' + 'EXAMPLE';
    const text = [`AWS_ACCESS_KEY_ID=${awsDocId}`, 'password=${DB_PASSWORD}', 'password: "{{ .Values.db.password }}"', 'token=<your-token-here>', 'secret=changeme123', 'api_key=xxxxxxxxxxxx', 'password=%(password)s'].join('\n');
    assert.deepEqual(scanText(text, '/app/settings').findings, []);
    assert.equal(isPlaceholder('$' + '{TOKEN}'), true);
    assert.equal(isPlaceholder(t.githubPat), false);
  });

  it('allow-lists test, fixture and example paths, and skips docs and third-party tests', () => {
    for (const p of ['/app/tests/.env', '/src/testdata/key.pem', '/app/examples/config.yml', '/srv/__fixtures__/a.json', '/usr/lib/go/src/crypto/tls/example_test.go', '/app/src/api.spec.ts', '/app/test_settings.py']) {
      const r = scanText(`GITHUB_TOKEN=${t.githubPat}`, p);
      assert.deepEqual(r.findings, [], p);
      assert.equal(r.skipped, 'path');
    }
    for (const p of ['/usr/share/doc/openssl/README', '/usr/lib/python3.11/test/keycert.pem', '/app/node_modules/x/test/key.pem', '/app/node_modules/x/README.md', '/x/logo.png', '/usr/lib/python3/dist-packages/requests/tests/x.py']) {
      assert.equal(skipPath(p), true, p);
    }
    for (const p of ['/app/.env', '/root/.docker/config.json', '/home/u/.npmrc', '/app/README.md', '/app/node_modules/x/index.js', '/etc/ssh/ssh_host_rsa_key']) assert.equal(skipPath(p), false, p);
  });

  it('ignores code that only names a secret', () => {
    const code = ['password = self.password', 'exclamationToken = !questionToken', 'Unexpected_token_1012: "Neočekávaný token."', '//host/:_authToken=MYTOKEN1', 'password_encryption = scram-sha-256', 'keyStorePassword=<keystore-password>', 'token = request.headers.get("X-Token")', 'secret = os.environ["SECRET"]', 'password_file=/run/secrets/db', 'token_url=https://auth.example.org/token', 'if token == "abcdefgh":', 'PASSWORD=None', 'PWD=/home/user'].join('\n');
    assert.deepEqual(scanText(code, '/app/app.py').findings, []);
  });

  it('never returns the raw secret in any string', () => {
    const secrets = [t.githubPat, t.awsAccessKeyId, t.awsSecretAccessKey, t.password, t.npmToken, t.stripeLive, t.jwt];
    const text = [`GITHUB_TOKEN=${t.githubPat}`, `AWS_ACCESS_KEY_ID=${t.awsAccessKeyId}`, `AWS_SECRET_ACCESS_KEY=${t.awsSecretAccessKey}`, `DB_PASSWORD=${t.password}`, `x ${t.npmToken}`, `k=${t.stripeLive}`, `jwt: ${t.jwt}`].join('\n');
    const r = scanText(text, '/app/.env');
    assert.equal(r.findings.length, secrets.length);
    const all = JSON.stringify(r);
    for (const s of secrets) {
      assert.ok(!all.includes(s), 'full secret leaked');
      assert.ok(!all.includes(s.slice(4, 12)), 'secret body leaked');
    }
    assert.equal(redact(t.githubPat), 'ghp_****');
    assert.equal(redact('short'), '****');
    assert.equal(redact('0123456789ab'), '01****');
    assert.equal(redactIn(`TOKEN=${t.githubPat} more`, [t.githubPat]), 'TOKEN=ghp_**** more');
  });

  it('skips binaries (NUL in the first 8 KiB) and files above the size cap', () => {
    const bin = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from(`GITHUB_TOKEN=${t.githubPat}`)]);
    assert.equal(scanBuffer(bin, '/usr/bin/tool').skipped, 'binary');
    assert.equal(scanBuffer(Buffer.from(`GITHUB_TOKEN=${t.githubPat}`), '/app/x', { maxBytes: 10 }).skipped, 'size');
    assert.equal(DEFAULT_MAX_FILE_BYTES, 10 * 1024 * 1024);
    // a NUL after the first 8 KiB does not make a text file binary
    const late = Buffer.concat([Buffer.from(`GITHUB_TOKEN=${t.githubPat}\n`), Buffer.alloc(9000, 0x20), Buffer.from([0])]);
    assert.equal(scanBuffer(late, '/app/x').findings.length, 1);
  });

  it('finds a token in the middle of a very long line', () => {
    const line = 'a'.repeat(300_000) + ` GITHUB_TOKEN=${t.githubPat} ` + 'b'.repeat(300_000);
    const { findings } = scanText(line, '/app/min.js');
    assert.deepEqual(findings.map((f) => f.ruleId), ['github-pat']);
  });

  it('hostile input finishes fast: a 5 MB single line, many = signs, many keywords', () => {
    const inputs = [
      '='.repeat(5_000_000),
      'password='.repeat(600_000),
      'a=a='.repeat(1_250_000),
      '-eyJ'.repeat(1_250_000),
      ('-----BEGIN ' + ' '.repeat(20)).repeat(160_000),
      ('AKIA' + 'A'.repeat(40) + '=').repeat(110_000),
      ('token:' + ' '.repeat(4) + '"' + randomAlnum(3)).repeat(370_000),
    ];
    for (const s of inputs) {
      const start = performance.now();
      scanText(s, '/app/hostile');
      const ms = performance.now() - start;
      assert.ok(ms < 3000, `${s.slice(0, 12)}…: ${ms.toFixed(0)} ms`);
    }
  });

  it('computes entropy in bits per character', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });
});
