/**
 * verify against a scripted registry on loopback, for what docker-registry cannot show: the OCI 1.1
 * referrers API, a registry that serves content not matching the requested digest (tampered manifest),
 * and one that lies about a tag's digest.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildImage } from '../../src/image/writer.js';
import { sha256 } from '../../src/source/digest.js';
import { verifyImage } from '../../src/verify/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { bundleJson, createSigstorePki, EMPTY_CONFIG, hashedRekordBody, keyPair, logEntry, REGISTRY_OPTS, signBytes, type KeyPair, type TestPki } from '../helpers/signing.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

interface Entry {
  body: Buffer;
  type: string;
  /** Docker-Content-Digest to send (default: the true digest) */
  header?: string;
}

describe('verify (scripted registry)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: http.Server;
  let host: string;
  let pki: TestPki;
  let key: KeyPair;
  const manifests = new Map<string, Entry>();
  const blobs = new Map<string, Buffer>();
  const referrers = new Map<string, object[]>();
  let signed: { manifest: Buffer; digest: string };
  let evil: { manifest: Buffer; digest: string };

  before(async () => {
    ({ dir, cleanup } = await tempDir());
    pki = await createSigstorePki(dir);
    key = keyPair('ecdsa');
    server = http.createServer((req, res) => {
      const m = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/?]+)/.exec(req.url ?? '');
      if (req.url === '/v2/') return void res.writeHead(200).end('{}');
      if (!m) return void res.writeHead(404).end();
      const [, repo, kind, ref] = m;
      if (kind === 'referrers') {
        const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: referrers.get(ref!) ?? [] }));
        return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(body);
      }
      if (kind === 'blobs') {
        const b = blobs.get(ref!);
        return void (b ? res.writeHead(200, { 'content-length': b.length }).end(b) : res.writeHead(404).end());
      }
      const e = manifests.get(`${repo}/${ref}`);
      if (!e) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
      res.writeHead(200, { 'content-type': e.type, 'docker-content-digest': e.header ?? sha256(e.body), 'content-length': e.body.length });
      res.end(req.method === 'HEAD' ? undefined : e.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

    const img = await buildImage({ layers: [{ files: [{ path: 'etc/os-release', content: 'ID=alpine\n' }] }] }, dir);
    signed = { manifest: img.manifest, digest: sha256(img.manifest) };
    const evilImg = await buildImage({ layers: [{ files: [{ path: 'etc/os-release', content: 'ID=evil\n' }] }] }, dir);
    evil = { manifest: evilImg.manifest, digest: sha256(evilImg.manifest) };

    // a keyed message-signature bundle over the manifest bytes, as an OCI 1.1 referrer
    const sig = signBytes(key.privateKey, signed.manifest);
    const bundle = bundleJson({ message: { digest: createHash('sha256').update(signed.manifest).digest(), signature: sig } }, {}, [logEntry(pki, hashedRekordBody(sig, signed.manifest, key.publicPem)).bundleEntry]);
    blobs.set(sha256(bundle), bundle);
    blobs.set(EMPTY_CONFIG.digest, Buffer.from('{}'));
    const referrer = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: BUNDLE, config: EMPTY_CONFIG, layers: [{ mediaType: BUNDLE, digest: sha256(bundle), size: bundle.length }], subject: { mediaType: OCI_MANIFEST, digest: signed.digest, size: signed.manifest.length } }));
    referrers.set(signed.digest, [{ mediaType: OCI_MANIFEST, digest: sha256(referrer), size: referrer.length, artifactType: BUNDLE }]);
    for (const repo of ['good', 'tampered', 'liar']) manifests.set(`${repo}/${sha256(referrer)}`, { body: referrer, type: OCI_MANIFEST });

    manifests.set(`good/1.0`, { body: signed.manifest, type: OCI_MANIFEST });
    manifests.set(`good/${signed.digest}`, { body: signed.manifest, type: OCI_MANIFEST });
    // content for the signed digest is not the signed manifest
    manifests.set(`tampered/${signed.digest}`, { body: evil.manifest, type: OCI_MANIFEST, header: signed.digest });
    // the tag claims the signed digest while serving another image
    manifests.set(`liar/1.0`, { body: evil.manifest, type: OCI_MANIFEST, header: signed.digest });
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await cleanup();
  });

  const opts = () => ({ registry: REGISTRY_OPTS, trustedRootPath: pki.trustedRootPath });

  it('passes a keyed message-signature bundle found through the referrers API', async () => {
    const r = await verifyImage(`${host}/good:1.0`, { keys: [key.publicPem] }, opts());
    assert.deepEqual(r.reasons, []);
    assert.deepEqual(r.signatures.map((s) => [s.kind, s.layout, s.ok]), [['cosign-key', 'referrers', true]]);
  });

  it('fails a tampered manifest (content does not match the digest asked for)', async () => {
    const r = await verifyImage(`${host}/tampered@${signed.digest}`, { keys: [key.publicPem] }, opts());
    assert.equal(r.ok, false);
    assert.deepEqual(r.reasons, [`TAMPERED_MANIFEST: registry ${host} served content for tampered@${signed.digest} that does not match that digest`]);
  });

  it('fails a registry that lies about the digest of a tag', async () => {
    const r = await verifyImage(`${host}/liar:1.0`, { keys: [key.publicPem] }, opts());
    assert.equal(r.ok, false);
    assert.deepEqual(r.reasons, [
      `REGISTRY_DIGEST_MISMATCH: registry ${host} says liar:1.0 is a digest its content does not hash to (manifest ${host}/liar:1.0 digest mismatch: expected ${signed.digest}, got ${evil.digest})`,
    ]);
  });
});
