/**
 * Offline verification of a Sigstore bundle file (no socket may be opened), the embedded public-good
 * trusted root, and the `bulwark verify` command wired into a commander program (exit 0 / 1).
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { registerVerifyCommands } from '../../src/cli/commands/verify.js';
import { embeddedTrustedRoot, verifyBundleFile } from '../../src/verify/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { bundleJson, createSigstorePki, dsseBody, dsseSign, fulcioLeaf, logEntry, statement, type TestPki } from '../helpers/signing.js';

const ISSUER = 'https://token.actions.bulwark-test.invalid';
const SUBJECT = 'https://github.invalid/acme/app/.github/workflows/release.yml@refs/tags/v1';
const DIGEST = `sha256:${'5a'.repeat(32)}`;

/** Runs fn with every outgoing TCP connection refused (throws), proving no network is used. */
async function withoutNetwork<T>(fn: () => Promise<T>): Promise<T> {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function () {
    throw new Error('network access during an offline verification');
  } as typeof original;
  try {
    return await fn();
  } finally {
    net.Socket.prototype.connect = original;
  }
}

/** Runs the verify command in-process; stdout goes to a file (the test runner owns process.stdout). */
async function cli(args: string[], outFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = -1;
  const program = new Command().exitOverride();
  registerVerifyCommands(program, async (fn) => {
    code = await fn();
  });
  const err: string[] = [];
  const e = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    await writeFile(outFile, '');
    await program.parseAsync(['node', 'bulwark', ...args, '-o', outFile]);
  } finally {
    process.stderr.write = e;
  }
  return { code, stdout: await readFile(outFile, 'utf8'), stderr: err.join('') };
}

describe('verify offline (bundle file)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let pki: TestPki;
  let bundlePath: string;
  let attPath: string;

  before(async () => {
    ({ dir, cleanup } = await tempDir());
    pki = await createSigstorePki(dir);
    const write = async (name: string, predicateType: string): Promise<string> => {
      const leaf = fulcioLeaf(pki, { email: 'unused@x.invalid', issuer: ISSUER });
      // a workload identity (URI SAN), as GitHub Actions certificates carry
      const uriLeaf = { ...leaf, ...(await import('../helpers/signing-x509.js')).makeCert({ subject: {}, issuer: { subject: pki.inter.subject, publicKey: pki.inter.key.publicKey }, publicKey: leaf.publicKey, signingKey: pki.inter.key.privateKey, notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 540_000), uri: SUBJECT, oidcIssuer: ISSUER, codeSigning: true }) };
      const env = dsseSign(leaf.privateKey, statement(DIGEST, predicateType, { ok: true }));
      const path = join(dir, name);
      await writeFile(path, bundleJson({ dsse: env }, { certDer: uriLeaf.der }, [logEntry(pki, dsseBody(env, uriLeaf.pem)).bundleEntry]));
      return path;
    };
    bundlePath = await write('sig.sigstore.json', 'https://sigstore.dev/cosign/sign/v1');
    attPath = await write('att.sigstore.json', 'https://spdx.dev/Document');
  });
  after(() => cleanup());

  const keyless = { identities: [{ subjectRegExp: '^https://github\\.invalid/acme/app/', issuer: ISSUER }] };

  it('verifies a signature bundle and an attestation bundle with no network', async () => {
    const r = await withoutNetwork(() => verifyBundleFile(bundlePath, DIGEST, keyless, { trustedRootPath: pki.trustedRootPath }));
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.signatures.map((s) => [s.kind, s.layout, s.identity]), [['cosign-keyless', 'bundle-file', { subject: SUBJECT, issuer: ISSUER }]]);
    const a = await withoutNetwork(() => verifyBundleFile(attPath, DIGEST, { ...keyless, attestations: [{ predicateType: 'spdx' }], requireSignature: false }, { trustedRootPath: pki.trustedRootPath }));
    assert.deepEqual(a.reasons, []);
    assert.equal(a.attestations[0]!.predicateType, 'https://spdx.dev/Document');
  });

  it('fails the bundle for another digest, and against the public-good root', async () => {
    const other = `sha256:${'00'.repeat(32)}`;
    const r = await withoutNetwork(() => verifyBundleFile(bundlePath, other, keyless, { trustedRootPath: pki.trustedRootPath }));
    assert.deepEqual(r.reasons, [`SUBJECT_MISMATCH: statement subject sha256:${'5a'.repeat(32)} is not the image ${other}`]);
    const pg = await withoutNetwork(() => verifyBundleFile(bundlePath, DIGEST, keyless, { offline: true }));
    assert.equal(pg.ok, false);
    assert.match(pg.reasons[0]!, /^(CERT_UNTRUSTED|TLOG_INVALID): /);
  });

  it('embeds the Sigstore public-good trusted root from @sigstore/tuf', () => {
    const { root, source } = embeddedTrustedRoot();
    assert.ok(root.tlogs.some((t) => t.baseUrl === 'https://rekor.sigstore.dev'));
    assert.ok(root.certificateAuthorities.some((c) => c.uri === 'https://fulcio.sigstore.dev'));
    assert.match(source, /^embedded public-good root \(@sigstore\/tuf \d/);
  });

  it('bulwark verify --bundle exits 0 on pass and 1 with one line per reason on failure', async () => {
    const base = ['verify', '--bundle', bundlePath, '--trusted-root', pki.trustedRootPath, '--certificate-oidc-issuer', ISSUER];
    const ok = await cli([...base, '--digest', DIGEST, '--certificate-identity', SUBJECT, '--format', 'json'], join(dir, 'out.json'));
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).ok, true);
    const bad = await cli([...base, '--digest', DIGEST, '--certificate-identity', 'someone-else'], join(dir, 'out.txt'));
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, `IDENTITY_MISMATCH: certificate identity "${SUBJECT}" from issuer "${ISSUER}" matches none of: subject "someone-else" issuer "${ISSUER}"\n`);
    assert.match(bad.stdout, /^FAIL$/m);
    await assert.rejects(cli([...base, '--digest', DIGEST], join(dir, 'out.txt')), /certificate identity and an OIDC issuer/);
  });
});
