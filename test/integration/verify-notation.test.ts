/**
 * Notary Project signatures (JWS, notary.x509) made by the test signer, stored as referrers in
 * docker-registry (referrers-tag fallback): trust store, trust policy levels and identities, expiry,
 * target digest.
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
import { keyPair, notationEnvelope, pushReferrer, REGISTRY_OPTS, type KeyPair } from '../helpers/signing.js';
import { makeCert, type Dn } from '../helpers/signing-x509.js';

const NOTATION = 'application/vnd.cncf.notary.signature';
const HOUR = 3600_000;
const SIGNER: Dn = { C: 'US', ST: 'WA', O: 'bulwark-test', CN: 'release-signer' };

function ca(name: string): { key: KeyPair; subject: Dn; pem: string; der: Buffer } {
  const key = keyPair('ecdsa');
  const subject = { C: 'US', O: 'bulwark-test', CN: name };
  const c = makeCert({ subject, publicKey: key.publicKey, signingKey: key.privateKey, notBefore: new Date(Date.now() - HOUR), notAfter: new Date(Date.now() + 24 * HOUR), ca: true });
  return { key, subject, ...c };
}

function policy(level: string, identities: string[]): object {
  return { version: '1.0', trustPolicies: [{ name: 'images', registryScopes: ['*'], signatureVerification: { level }, trustStores: ['ca:test'], trustedIdentities: identities }] };
}

describe('verify notation signatures (docker-registry on loopback)', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let cleanup: () => Promise<void>;
  let root: ReturnType<typeof ca>;
  let image: Awaited<ReturnType<typeof buildImage>>;
  let n = 0;

  before(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    reg = await startRegistry();
    root = ca('notation-test-root');
    image = await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-')));
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  async function signed(opts: { expired?: boolean; target?: string; expiry?: Date } = {}): Promise<{ ref: string; digest: string }> {
    const repo = `notary/app${++n}`;
    const { digest } = await pushImage(`${reg.host}/${repo}:1`, image, REGISTRY_OPTS);
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: image.manifest.length };
    const leafKey = keyPair('ecdsa');
    const notBefore = new Date(Date.now() - (opts.expired ? 3 : 1) * HOUR);
    const leaf = makeCert({ subject: SIGNER, issuer: { subject: root.subject, publicKey: root.key.publicKey }, publicKey: leafKey.publicKey, signingKey: root.key.privateKey, notBefore, notAfter: new Date(notBefore.getTime() + (opts.expired ? 1 : 4) * HOUR), codeSigning: true });
    const env = notationEnvelope(leafKey.privateKey, [leaf.der, root.der], { ...subject, digest: opts.target ?? digest }, { expiry: opts.expiry });
    await pushReferrer(reg.host, repo, subject, NOTATION, { mediaType: 'application/jose+json', blob: env });
    return { ref: `${reg.host}/${repo}:1`, digest };
  }

  const req = (trustPolicy?: object, store = root.pem): VerifyRequirements => ({ notation: { trustStore: [store], trustPolicy } });
  const opts = { registry: REGISTRY_OPTS };

  it('passes a signature chaining to the trust store with a trusted x509.subject', async () => {
    const img = await signed();
    const r = await verifyImage(img.ref, req(policy('strict', ['x509.subject: C=US, ST=WA, O=bulwark-test, CN=release-signer'])), opts);
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.signatures.map((s) => [s.kind, s.layout, s.ok, s.identity?.subject]), [['notation', 'referrers-tag', true, 'C=US, ST=WA, O=bulwark-test, CN=release-signer']]);
    const byDefault = await verifyImage(img.ref, req(), opts);
    assert.equal(byDefault.ok, true, byDefault.reasons.join('\n'));
  });

  it('fails a signer outside the trust store', async () => {
    const img = await signed();
    const r = await verifyImage(img.ref, req(undefined, ca('someone-else').pem), opts);
    assert.deepEqual(r.reasons, ['CERT_UNTRUSTED: notation: certificate chain of C=US, ST=WA, O=bulwark-test, CN=release-signer does not lead to a trust-store CA']);
  });

  it('fails a signer that is not a trusted identity', async () => {
    const img = await signed();
    const r = await verifyImage(img.ref, req(policy('strict', ['x509.subject: C=US, ST=WA, O=bulwark-test, CN=other-signer'])), opts);
    assert.deepEqual(r.reasons, ['UNTRUSTED_IDENTITY: signer C=US, ST=WA, O=bulwark-test, CN=release-signer is not a trusted identity of notation policy images']);
  });

  it('fails an expired certificate at level strict, warns at level permissive', async () => {
    const img = await signed({ expired: true });
    const strict = await verifyImage(img.ref, req(policy('strict', ['*'])), opts);
    assert.equal(strict.reasons.length, 1);
    assert.match(strict.reasons[0]!, /^CERT_EXPIRED: notation: certificate C=US, ST=WA, O=bulwark-test, CN=release-signer is not valid now \(valid .+ to .+\)$/);
    const permissive = await verifyImage(img.ref, req(policy('permissive', ['*'])), opts);
    assert.equal(permissive.ok, true);
    assert.match(permissive.warnings.join('\n'), /CERT_EXPIRED: .* \(not enforced at level permissive\)/);
  });

  it('fails an expired signature and a signature for another digest', async () => {
    const expired = await signed({ expiry: new Date(Date.now() - 60_000) });
    const r = await verifyImage(expired.ref, req(), opts);
    assert.equal(r.reasons.length, 1);
    assert.match(r.reasons[0]!, /^SIGNATURE_EXPIRED: notation signature expired at \d{4}-/);
    const otherDigest = `sha256:${'cd'.repeat(32)}`;
    const wrong = await signed({ target: otherDigest });
    const r2 = await verifyImage(wrong.ref, req(), opts);
    assert.deepEqual(r2.reasons, [`DIGEST_MISMATCH: notation signature is for ${otherDigest}, not the image ${wrong.digest}`]);
  });
});
