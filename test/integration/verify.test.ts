/**
 * bulwark verify against Debian's docker-registry on loopback, with signatures produced by the test
 * signer (test/helpers/signing.ts): cosign keyed (ECDSA, Ed25519, RSA) and keyless, legacy tags and
 * referrers (this registry has no referrers API, so the referrers-tag fallback is what is exercised),
 * attestations, and each failure with its exact reason.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildImage } from '../../src/image/writer.js';
import { pushImage } from '../../src/source/registry/index.js';
import { verifyImage, type VerifyRequirements } from '../../src/verify/index.js';
import { debianLikeSpec, tempDir } from '../helpers/fixtures.js';
import { REGISTRY_SKIP, startRegistry, type TestRegistry } from '../helpers/registry.js';
import {
  bundleJson, createSigstorePki, dsseBody, dsseSign, fulcioLeaf, hashedRekordBody, keyPair, logEntry, pushLegacy, pushReferrer,
  REGISTRY_OPTS, signBytes, simpleSigningPayload, statement, type KeyPair, type KeyType, type TestPki,
} from '../helpers/signing.js';

const SIMPLE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE = 'application/vnd.dsse.envelope.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const ISSUER = 'https://accounts.bulwark-test.invalid';
const SUBJECT = 'release@bulwark-test.invalid';
const SLSA1 = 'https://slsa.dev/provenance/v1';

describe('verify (docker-registry on loopback)', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let dir: string;
  let cleanup: () => Promise<void>;
  let pki: TestPki;
  let image: Awaited<ReturnType<typeof buildImage>>;
  let other: Awaited<ReturnType<typeof buildImage>>;
  let n = 0;

  before(async () => {
    ({ dir, cleanup } = await tempDir());
    reg = await startRegistry();
    pki = await createSigstorePki(dir);
    image = await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-')));
    other = await buildImage({ layers: [{ files: [{ path: 'etc/other', content: 'x' }] }] }, await mkdtemp(join(dir, 'other-')));
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  /** A fresh repository holding the image; returns its reference and digest. */
  async function freshImage(): Promise<{ repo: string; ref: string; digest: string; subject: { digest: string; size: number; mediaType: string } }> {
    const repo = `team/app${++n}`;
    const { digest } = await pushImage(`${reg.host}/${repo}:1.0`, image, REGISTRY_OPTS);
    return { repo, ref: `${reg.host}/${repo}:1.0`, digest, subject: { digest, size: image.manifest.length, mediaType: 'application/vnd.oci.image.manifest.v1+json' } };
  }
  const opts = () => ({ registry: REGISTRY_OPTS, trustedRootPath: pki.trustedRootPath });
  const keyless: VerifyRequirements = { identities: [{ subject: SUBJECT, issuer: ISSUER }] };

  async function signKeyed(repo: string, digest: string, key: KeyPair, signedDigest = digest, tlog = false): Promise<void> {
    const payload = simpleSigningPayload(`${reg.host}/${repo}`, signedDigest);
    const sig = signBytes(key.privateKey, payload);
    const annotations: Record<string, string> = { 'dev.cosignproject.cosign/signature': sig.toString('base64') };
    if (tlog) annotations['dev.sigstore.cosign/bundle'] = logEntry(pki, hashedRekordBody(sig, payload, key.publicPem)).rekorAnnotation;
    await pushLegacy(reg.host, repo, digest, '.sig', [{ mediaType: SIMPLE, blob: payload, annotations }]);
  }

  async function signKeyless(repo: string, digest: string, who: { email?: string; issuer?: string; notBefore?: Date; notAfter?: Date } = {}): Promise<void> {
    const leaf = fulcioLeaf(pki, { email: who.email ?? SUBJECT, issuer: who.issuer ?? ISSUER, notBefore: who.notBefore, notAfter: who.notAfter });
    const payload = simpleSigningPayload(`${reg.host}/${repo}`, digest);
    const sig = signBytes(leaf.privateKey, payload);
    await pushLegacy(reg.host, repo, digest, '.sig', [{
      mediaType: SIMPLE,
      blob: payload,
      annotations: {
        'dev.cosignproject.cosign/signature': sig.toString('base64'),
        'dev.sigstore.cosign/certificate': leaf.certPem,
        'dev.sigstore.cosign/chain': pki.inter.pem,
        'dev.sigstore.cosign/bundle': logEntry(pki, hashedRekordBody(sig, payload, leaf.certPem)).rekorAnnotation,
      },
    }]);
  }

  for (const type of ['ecdsa', 'ed25519', 'rsa'] as KeyType[]) {
    it(`passes a keyed ${type} signature (legacy .sig tag)`, async () => {
      const img = await freshImage();
      const key = keyPair(type);
      await signKeyed(img.repo, img.digest, key, img.digest, type === 'ecdsa');
      const r = await verifyImage(img.ref, { keys: [keyPair().publicPem, key.publicPem] }, opts());
      assert.deepEqual(r.reasons, []);
      assert.equal(r.ok, true);
      assert.equal(r.digest, img.digest);
      assert.equal(r.signatures.length, 1);
      assert.equal(r.signatures[0]!.kind, 'cosign-key');
      assert.equal(r.signatures[0]!.layout, 'legacy-tag');
      assert.match(r.signatures[0]!.keyId!, /^[0-9a-f]{64}$/);
    });
  }

  it('passes a keyless signature with exact and regex identities', async () => {
    const img = await freshImage();
    await signKeyless(img.repo, img.digest);
    const r = await verifyImage(img.ref, keyless, opts());
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.signatures.map((s) => [s.kind, s.layout, s.identity]), [['cosign-keyless', 'legacy-tag', { subject: SUBJECT, issuer: ISSUER }]]);
    const re = await verifyImage(img.ref, { identities: [{ subjectRegExp: '^release@bulwark-test\\.invalid$', issuerRegExp: '^https://accounts\\.' }] }, opts());
    assert.equal(re.ok, true, re.reasons.join('\n'));
  });

  it('passes a keyless Sigstore bundle referrer and an attestation bundle (referrers-tag fallback)', async () => {
    const img = await freshImage();
    for (const predicateType of ['https://sigstore.dev/cosign/sign/v1', SLSA1]) {
      const leaf = fulcioLeaf(pki, { email: SUBJECT, issuer: ISSUER });
      const env = dsseSign(leaf.privateKey, statement(img.digest, predicateType, { buildType: 'test' }));
      const blob = bundleJson({ dsse: env }, { certDer: leaf.certDer }, [logEntry(pki, dsseBody(env, leaf.certPem)).bundleEntry]);
      await pushReferrer(reg.host, img.repo, img.subject, BUNDLE, { mediaType: BUNDLE, blob });
    }
    const r = await verifyImage(img.ref, { ...keyless, attestations: [{ predicateType: 'slsaprovenance1' }] }, opts());
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.signatures.map((s) => [s.kind, s.layout, s.ok]), [['cosign-keyless', 'referrers-tag', true]]);
    assert.equal(r.attestations.length, 1);
    assert.equal(r.attestations[0]!.predicateType, SLSA1);
    assert.deepEqual((r.attestations[0]!.statement as { predicate: unknown }).predicate, { buildType: 'test' });
  });

  it('passes keyed attestations in the legacy .att tag and selects by predicate type', async () => {
    const img = await freshImage();
    const key = keyPair('ecdsa');
    await signKeyed(img.repo, img.digest, key);
    const layers = ['https://cyclonedx.org/bom', 'https://cosign.sigstore.dev/attestation/vuln/v1'].map((t) => {
      const env = dsseSign(key.privateKey, statement(img.digest, t, { t }));
      return { mediaType: DSSE, blob: Buffer.from(JSON.stringify(env)), annotations: { 'dev.cosignproject.cosign/signature': '', predicateType: t } };
    });
    await pushLegacy(reg.host, img.repo, img.digest, '.att', layers);
    const r = await verifyImage(img.ref, { keys: [key.publicPem], attestations: [{ predicateType: 'cyclonedx' }, { predicateType: 'vuln' }] }, opts());
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.attestations.map((a) => [a.predicateType, a.ok, a.layout]), [
      ['https://cyclonedx.org/bom', true, 'legacy-tag'],
      ['https://cosign.sigstore.dev/attestation/vuln/v1', true, 'legacy-tag'],
    ]);
    const missing = await verifyImage(img.ref, { keys: [key.publicPem], attestations: [{ predicateType: 'spdx' }] }, opts());
    assert.deepEqual(missing.reasons, [`ATTESTATION_MISSING: no https://spdx.dev/Document attestation found for ${img.digest}`]);
  });

  it('fails an attestation whose subject is another image', async () => {
    const img = await freshImage();
    const key = keyPair('ecdsa');
    await signKeyed(img.repo, img.digest, key);
    const otherDigest = `sha256:${'ab'.repeat(32)}`;
    const env = dsseSign(key.privateKey, statement(otherDigest, SLSA1));
    await pushLegacy(reg.host, img.repo, img.digest, '.att', [{ mediaType: DSSE, blob: Buffer.from(JSON.stringify(env)), annotations: {} }]);
    const r = await verifyImage(img.ref, { keys: [key.publicPem], attestations: [{ predicateType: SLSA1 }] }, opts());
    assert.deepEqual(r.reasons, [`SUBJECT_MISMATCH: statement subject sha256:${'ab'.repeat(32)} is not the image ${img.digest} (attestation ${SLSA1})`]);
  });

  it('fails with the wrong key', async () => {
    const img = await freshImage();
    await signKeyed(img.repo, img.digest, keyPair('ecdsa'));
    const r = await verifyImage(img.ref, { keys: [keyPair('ecdsa').publicPem, keyPair('ed25519').publicPem] }, opts());
    assert.equal(r.ok, false);
    assert.deepEqual(r.reasons, ['WRONG_KEY: signature does not verify with any given key']);
  });

  it('fails a wrong subject and a wrong issuer', async () => {
    const img = await freshImage();
    await signKeyless(img.repo, img.digest, { email: 'mallory@evil.invalid' });
    const r = await verifyImage(img.ref, keyless, opts());
    assert.deepEqual(r.reasons, [`IDENTITY_MISMATCH: certificate identity "mallory@evil.invalid" from issuer "${ISSUER}" matches none of: subject "${SUBJECT}" issuer "${ISSUER}"`]);
    const img2 = await freshImage();
    await signKeyless(img2.repo, img2.digest, { issuer: 'https://evil.invalid' });
    const r2 = await verifyImage(img2.ref, keyless, opts());
    assert.deepEqual(r2.reasons, [`IDENTITY_MISMATCH: certificate identity "${SUBJECT}" from issuer "https://evil.invalid" matches none of: subject "${SUBJECT}" issuer "${ISSUER}"`]);
  });

  it('fails a certificate that had expired when the signature was logged', async () => {
    const img = await freshImage();
    await signKeyless(img.repo, img.digest, { notBefore: new Date(Date.now() - 2 * 3600_000), notAfter: new Date(Date.now() - 3600_000) });
    const r = await verifyImage(img.ref, keyless, opts());
    assert.deepEqual(r.reasons, ['CERT_EXPIRED: certificate was not valid at the transparency-log time (expired or not yet valid)']);
  });

  it('fails a keyless signature whose SET is not from the trusted Rekor', async () => {
    const img = await freshImage();
    const fake = { ...pki, rekor: { ...keyPair('ecdsa'), logId: pki.rekor.logId } };
    const leaf = fulcioLeaf(pki, { email: SUBJECT, issuer: ISSUER });
    const payload = simpleSigningPayload(img.ref, img.digest);
    const sig = signBytes(leaf.privateKey, payload);
    await pushLegacy(reg.host, img.repo, img.digest, '.sig', [{ mediaType: SIMPLE, blob: payload, annotations: { 'dev.cosignproject.cosign/signature': sig.toString('base64'), 'dev.sigstore.cosign/certificate': leaf.certPem, 'dev.sigstore.cosign/bundle': logEntry(fake, hashedRekordBody(sig, payload, leaf.certPem)).rekorAnnotation } }]);
    const r = await verifyImage(img.ref, keyless, opts());
    assert.deepEqual(r.reasons, ['TLOG_INVALID: transparency log: inclusion promise could not be verified']);
  });

  it('fails when there is no signature', async () => {
    const img = await freshImage();
    const r = await verifyImage(img.ref, { keys: [keyPair().publicPem] }, opts());
    const hex = img.digest.split(':')[1];
    assert.deepEqual(r.reasons, [`SIGNATURE_MISSING: no cosign signature found for ${img.digest} (looked at tag sha256-${hex}.sig, tag sha256-${hex}.att, the referrers tag sha256-${hex})`]);
  });

  it('fails a signature made for another digest', async () => {
    const img = await freshImage();
    const { digest: otherDigest } = await pushImage(`${reg.host}/${img.repo}:other`, other, REGISTRY_OPTS);
    const key = keyPair('ecdsa');
    await signKeyed(img.repo, img.digest, key, otherDigest);
    const r = await verifyImage(img.ref, { keys: [key.publicPem] }, opts());
    assert.deepEqual(r.reasons, [`DIGEST_MISMATCH: signature is for ${otherDigest}, not the image ${img.digest}`]);
  });
});
