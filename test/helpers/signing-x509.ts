/**
 * A minimal DER / X.509 v3 builder for tests: CA, intermediate and leaf certificates with the
 * extensions Fulcio and Notation certificates carry. Keys come from node:crypto at test time.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), len(content.length), content]);
}
const seq = (...x: Buffer[]): Buffer => tlv(0x30, Buffer.concat(x));
const set = (...x: Buffer[]): Buffer => tlv(0x31, Buffer.concat(x));
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const octet = (b: Buffer): Buffer => tlv(0x04, b);
const bitString = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n: number, b: Buffer): Buffer => tlv(0xa0 + n, b);

function integer(v: number | Buffer): Buffer {
  let b = typeof v === 'number' ? Buffer.from(v.toString(16).padStart(2, '0').replace(/^(.(..)*)$/, '0$1'), 'hex') : v;
  while (b.length > 1 && b[0] === 0 && b[1]! < 0x80) b = b.subarray(1);
  if (b[0]! >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

/** DER OBJECT IDENTIFIER. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const enc = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) enc.unshift(0x80 | (v & 0x7f));
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const NAME_OIDS: Record<string, string> = { C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };

/** A distinguished name from ordered attributes, e.g. {C: 'US', O: 'acme', CN: 'x'}. */
export type Dn = Partial<Record<keyof typeof NAME_OIDS, string>>;

function name(dn: Dn): Buffer {
  return seq(...Object.entries(dn).map(([k, v]) => set(seq(oid(NAME_OIDS[k]!), k === 'C' ? tlv(0x13, Buffer.from(v!)) : utf8(v!)))));
}

function ext(id: string, value: Buffer, critical = false): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octet(value));
}

/** Fulcio certificate extensions (OIDC issuer v1 raw string and v2 DER UTF8String). */
export const FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
export const FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';

export interface CertSpec {
  subject: Dn;
  publicKey: KeyObject;
  /** the issuer; absent for a self-signed root (then signingKey is the subject's own key) */
  issuer?: { subject: Dn; publicKey: KeyObject };
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  /** SAN: an email address (Fulcio email identities) or a URI (workload identities) */
  email?: string;
  uri?: string;
  /** the OIDC issuer, written in both Fulcio extensions */
  oidcIssuer?: string;
  codeSigning?: boolean;
}

function keyId(k: KeyObject): Buffer {
  return createHash('sha1').update(k.export({ type: 'spki', format: 'der' })).digest();
}

/** Builds and signs a certificate; returns DER and PEM. */
export function makeCert(spec: CertSpec): { der: Buffer; pem: string } {
  const ecIssuer = spec.signingKey.asymmetricKeyType === 'ec';
  const algId = ecIssuer ? seq(oid('1.2.840.10045.4.3.2')) : seq(oid('1.2.840.113549.1.1.11'), tlv(0x05, Buffer.alloc(0)));
  const exts = [
    ext('2.5.29.15', spec.ca ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0x80]), 7), true),
    ext('2.5.29.19', spec.ca ? seq(bool(true)) : seq(), true),
    ext('2.5.29.14', octet(keyId(spec.publicKey))),
    ext('2.5.29.35', seq(tlv(0x80, keyId(spec.issuer?.publicKey ?? spec.publicKey)))),
  ];
  if (spec.codeSigning) exts.push(ext('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.3'))));
  if (spec.email) exts.push(ext('2.5.29.17', seq(tlv(0x81, Buffer.from(spec.email))), true));
  if (spec.uri) exts.push(ext('2.5.29.17', seq(tlv(0x86, Buffer.from(spec.uri))), true));
  if (spec.oidcIssuer) exts.push(ext(FULCIO_ISSUER_V1, Buffer.from(spec.oidcIssuer)), ext(FULCIO_ISSUER_V2, utf8(spec.oidcIssuer)));
  const tbs = seq(
    explicit(0, integer(2)),
    integer(Buffer.concat([Buffer.from([0x01]), createHash('sha256').update(Math.random().toString()).digest().subarray(0, 15)])),
    algId,
    name(spec.issuer?.subject ?? spec.subject),
    seq(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...exts)),
  );
  const sig = sign('sha256', tbs, spec.signingKey);
  const der = seq(tbs, algId, bitString(sig));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { der, pem };
}
