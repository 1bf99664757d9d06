/**
 * In-toto statements inside DSSE envelopes: schema, subject-digest check, and predicate types
 * (cosign's short names — slsaprovenance, cyclonedx, spdx, vuln … — map to the full URIs).
 */
import { VerifyError } from './errors.js';

export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** cosign v3 signs images with an in-toto statement of this predicate type (new bundle format). */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

const STATEMENT_TYPES = new Set(['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1']);

const SHORT_NAMES: Record<string, string> = {
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  link: 'https://in-toto.io/Link/v1',
  custom: 'https://cosign.sigstore.dev/attestation/v1',
  openvex: 'https://openvex.dev/ns',
};

/** A parsed statement (the fields Bulwark relies on; the rest is kept for the policy). */
export interface Statement {
  _type: string;
  subject: { name?: string; digest: Record<string, string> }[];
  predicateType: string;
  predicate?: unknown;
}

/** Full predicate-type URI for a cosign short name (URIs pass through). */
export function normalizePredicateType(t: string): string {
  return SHORT_NAMES[t.toLowerCase()] ?? t;
}

/** Parses and shape-checks a statement; MALFORMED_SIGNATURE when it is not one. */
export function parseStatement(payloadType: string, payload: Buffer): Statement {
  if (payloadType !== INTOTO_PAYLOAD_TYPE) throw new VerifyError('MALFORMED_SIGNATURE', `DSSE payload type ${JSON.stringify(payloadType.slice(0, 100))} is not ${INTOTO_PAYLOAD_TYPE}`);
  let s: unknown;
  try {
    s = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new VerifyError('MALFORMED_SIGNATURE', 'in-toto statement is not JSON');
  }
  const st = s as Partial<Statement> | null;
  if (!st || typeof st !== 'object' || typeof st._type !== 'string' || !STATEMENT_TYPES.has(st._type)) throw new VerifyError('MALFORMED_SIGNATURE', 'not an in-toto statement (_type)');
  if (typeof st.predicateType !== 'string' || !st.predicateType) throw new VerifyError('MALFORMED_SIGNATURE', 'in-toto statement has no predicateType');
  const subjectsOk = Array.isArray(st.subject) && st.subject.every((x) => x && typeof x === 'object' && x.digest && typeof x.digest === 'object');
  if (!subjectsOk) throw new VerifyError('MALFORMED_SIGNATURE', 'in-toto statement has no valid subject list');
  return st as Statement;
}

/** SUBJECT_MISMATCH unless a subject carries the image digest. */
export function checkSubject(st: Statement, imageDigest: string): void {
  const [algo, hex] = imageDigest.split(':');
  if (st.subject.some((s) => s.digest[algo!] === hex)) return;
  const got = st.subject.map((s) => Object.entries(s.digest).map(([a, h]) => `${a}:${h}`).join(',')).join(' ');
  throw new VerifyError('SUBJECT_MISMATCH', `statement subject ${got || '(none)'} is not the image ${imageDigest}`);
}
