/**
 * Notary Project (Notation) signatures: JWS envelopes (`application/jose+json`) stored as referrers
 * with artifactType `application/vnd.cncf.notary.signature`. Checks, by verification level:
 * integrity (JWS signature with the leaf key, targetArtifact digest = image digest) always;
 * authenticity (x5c chain to a trust-store CA, trusted identity) for strict and permissive;
 * expiry (io.cncf.notary.expiry, certificate validity now — notary.x509 has no trusted time)
 * enforced for strict, a warning otherwise. notary.x509.signingAuthority (TSA) and COSE are not supported.
 */
import { constants, X509Certificate, verify as cryptoVerify } from 'node:crypto';
import { BulwarkError } from '../shared/errors.js';
import { VerifyError } from './errors.js';
import { checkTrustedIdentity, type ResolvedPolicy } from './notation-policy.js';

export const NOTATION_ARTIFACT_TYPE = 'application/vnd.cncf.notary.signature';
export const JWS_MEDIA_TYPE = 'application/jose+json';
const PAYLOAD_CTY = 'application/vnd.cncf.notary.payload.v1+json';
const KNOWN_CRIT = new Set(['io.cncf.notary.signingScheme', 'io.cncf.notary.expiry', 'io.cncf.notary.signingTime']);
const HASH: Record<string, string> = { PS256: 'sha256', PS384: 'sha384', PS512: 'sha512', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' };

/** Outcome of one notation signature (warnings are the checks the level only logs). */
export interface NotationOutcome {
  subject: string;
  warnings: string[];
}

function malformed(msg: string): VerifyError {
  return new VerifyError('MALFORMED_SIGNATURE', `notation: ${msg}`);
}

function b64json(s: unknown, what: string): Record<string, unknown> {
  if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) throw malformed(`${what} is not base64url`);
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw malformed(`${what} is not a JSON object`);
  }
}

/** Parses PEM CA certificates for the trust store. */
export function parseTrustStore(pems: string[]): X509Certificate[] {
  const certs: X509Certificate[] = [];
  for (const pem of pems) {
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0) throw new BulwarkError('USAGE', 'notation trust store entry has no PEM certificate');
    for (const b of blocks) certs.push(new X509Certificate(b));
  }
  return certs;
}

function checkChain(chain: X509Certificate[], store: X509Certificate[]): void {
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i]!.checkIssued(chain[i + 1]!) || !chain[i]!.verify(chain[i + 1]!.publicKey) || !chain[i + 1]!.ca) {
      throw new VerifyError('CERT_UNTRUSTED', `notation: certificate chain is broken at ${chain[i]!.subject.replace(/\n/g, ', ')}`);
    }
  }
  const top = chain[chain.length - 1]!;
  const anchored = store.some((ca) => ca.ca && (ca.raw.equals(top.raw) || (top.checkIssued(ca) && top.verify(ca.publicKey))));
  if (!anchored) throw new VerifyError('CERT_UNTRUSTED', `notation: certificate chain of ${chain[0]!.subject.replace(/\n/g, ', ')} does not lead to a trust-store CA`);
}

function verifyJws(alg: string, signingInput: string, sig: Buffer, leaf: X509Certificate): boolean {
  const hash = HASH[alg];
  if (!hash) throw malformed(`unsupported alg ${JSON.stringify(alg)}`);
  try {
    if (alg.startsWith('PS')) {
      return cryptoVerify(hash, Buffer.from(signingInput), { key: leaf.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(hash.slice(3)) / 8 }, sig);
    }
    return cryptoVerify(hash, Buffer.from(signingInput), { key: leaf.publicKey, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
}

/** Verifies one JWS envelope for the image digest under a resolved policy; throws a VerifyError. */
export function verifyNotationEnvelope(bytes: Buffer, imageDigest: string, store: X509Certificate[], policy: ResolvedPolicy, now: Date): NotationOutcome {
  const warnings: string[] = [];
  let env: Record<string, unknown>;
  try {
    env = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw malformed('envelope is not JSON');
  }
  const hdr = b64json(env.protected, 'protected header');
  const payload = b64json(env.payload, 'payload');
  const unprotected = (env.header ?? {}) as { x5c?: unknown };
  if (typeof env.signature !== 'string' || !/^[A-Za-z0-9_-]+$/.test(env.signature)) throw malformed('signature is not base64url');
  if (hdr.cty !== PAYLOAD_CTY) throw malformed(`content type ${JSON.stringify(hdr.cty ?? null)} is not ${PAYLOAD_CTY}`);
  const crit = Array.isArray(hdr.crit) ? (hdr.crit as unknown[]) : [];
  const unknownCrit = crit.filter((c) => typeof c !== 'string' || !KNOWN_CRIT.has(c));
  if (unknownCrit.length) throw malformed(`unsupported critical header(s) ${JSON.stringify(unknownCrit).slice(0, 200)}`);
  if (hdr['io.cncf.notary.signingScheme'] !== 'notary.x509') throw malformed(`signing scheme ${JSON.stringify(hdr['io.cncf.notary.signingScheme'] ?? null)} is not supported (notary.x509 only)`);
  const x5c = unprotected.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > 10 || !x5c.every((c) => typeof c === 'string')) throw malformed('x5c certificate chain missing');
  let chain: X509Certificate[];
  try {
    chain = (x5c as string[]).map((c) => new X509Certificate(Buffer.from(c, 'base64')));
  } catch {
    throw malformed('x5c holds an invalid certificate');
  }
  const leaf = chain[0]!;
  if (policy.level === 'skip') return { subject: leaf.subject, warnings: ['notation policy level is skip: nothing verified'] };
  // integrity
  if (!verifyJws(String(hdr.alg), `${env.protected as string}.${env.payload as string}`, Buffer.from(env.signature, 'base64url'), leaf)) {
    throw new VerifyError('SIGNATURE_INVALID', "notation: JWS signature does not verify with the signing certificate's key");
  }
  const target = payload.targetArtifact as { digest?: unknown } | undefined;
  if (!target || typeof target.digest !== 'string') throw malformed('payload has no targetArtifact.digest');
  if (target.digest !== imageDigest) throw new VerifyError('DIGEST_MISMATCH', `notation signature is for ${target.digest.slice(0, 80)}, not the image ${imageDigest}`);
  // authenticity
  const enforce = (err: VerifyError, level: 'authenticity' | 'expiry'): void => {
    const enforced = level === 'authenticity' ? policy.level !== 'audit' : policy.level === 'strict';
    if (enforced) throw err;
    warnings.push(`${err.reason} (not enforced at level ${policy.level})`);
  };
  try {
    checkChain(chain, store);
    checkTrustedIdentity(policy, leaf.subject);
  } catch (err) {
    if (!(err instanceof VerifyError)) throw err;
    enforce(err, 'authenticity');
  }
  // expiry
  const expiry = hdr['io.cncf.notary.expiry'];
  if (typeof expiry === 'string' && Date.parse(expiry) < now.getTime()) enforce(new VerifyError('SIGNATURE_EXPIRED', `notation signature expired at ${expiry}`), 'expiry');
  const stale = chain.find((c) => Date.parse(c.validTo) < now.getTime() || Date.parse(c.validFrom) > now.getTime());
  if (stale) enforce(new VerifyError('CERT_EXPIRED', `notation: certificate ${stale.subject.replace(/\n/g, ', ')} is not valid now (valid ${stale.validFrom} to ${stale.validTo})`), 'expiry');
  return { subject: leaf.subject.replace(/\n/g, ', '), warnings };
}
