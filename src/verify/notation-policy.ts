/**
 * The subset of the Notary Project trust policy (version 1.0) Bulwark applies: pick the policy by
 * registryScopes (an exact `registry/repository`, else "*"), its signatureVerification level
 * (strict | permissive | audit | skip; `override` is not supported), and trustedIdentities
 * ("*" or "x509.subject: C=…, O=…, CN=…", matched attribute by attribute against the leaf).
 * Named trust stores are not modelled: every policy uses the trust store given with the request.
 */
import { BulwarkError } from '../shared/errors.js';
import { VerifyError } from './errors.js';

export type NotationLevel = 'strict' | 'permissive' | 'audit' | 'skip';

/** The policy that applies to one repository. */
export interface ResolvedPolicy {
  name: string;
  level: NotationLevel;
  trustedIdentities: string[];
}

const LEVELS = new Set<NotationLevel>(['strict', 'permissive', 'audit', 'skip']);

interface RawPolicy {
  name?: unknown;
  registryScopes?: unknown;
  signatureVerification?: { level?: unknown; override?: unknown };
  trustedIdentities?: unknown;
}

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new BulwarkError('USAGE', `notation trust policy: ${what} must be a list of strings`);
  return v as string[];
}

/** Picks the trust policy for `registry/repo`; without a document: strict, any identity. */
export function resolvePolicy(doc: object | undefined, scope: string): ResolvedPolicy {
  if (!doc) return { name: 'default (strict, any identity chaining to the trust store)', level: 'strict', trustedIdentities: ['*'] };
  const d = doc as { version?: unknown; trustPolicies?: unknown };
  if (d.version !== '1.0') throw new BulwarkError('USAGE', `notation trust policy: unsupported version ${JSON.stringify(d.version ?? null)} (want "1.0")`);
  if (!Array.isArray(d.trustPolicies)) throw new BulwarkError('USAGE', 'notation trust policy: trustPolicies must be a list');
  const policies = d.trustPolicies as RawPolicy[];
  const exact = policies.find((p) => strings(p.registryScopes, 'registryScopes').includes(scope));
  const chosen = exact ?? policies.find((p) => strings(p.registryScopes, 'registryScopes').includes('*'));
  if (!chosen) throw new VerifyError('NO_TRUST_POLICY', `no notation trust policy applies to ${scope}`);
  const level = chosen.signatureVerification?.level;
  if (typeof level !== 'string' || !LEVELS.has(level as NotationLevel)) throw new BulwarkError('USAGE', `notation trust policy ${String(chosen.name)}: unknown signatureVerification level ${JSON.stringify(level ?? null)}`);
  if (chosen.signatureVerification?.override !== undefined) throw new BulwarkError('USAGE', `notation trust policy ${String(chosen.name)}: signatureVerification.override is not supported`);
  const ids = level === 'skip' ? [] : strings(chosen.trustedIdentities, 'trustedIdentities');
  return { name: String(chosen.name ?? '(unnamed)'), level: level as NotationLevel, trustedIdentities: ids };
}

/** Parses "C=US, ST=WA, O=acme, CN=x" or node's "C=US\nO=acme" into attribute -> value. */
export function parseDn(dn: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of dn.split(/\n|,(?=\s*[A-Za-z.0-9]+=)/)) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).trim());
  }
  return out;
}

/** UNTRUSTED_IDENTITY unless the leaf subject matches a trusted identity. */
export function checkTrustedIdentity(policy: ResolvedPolicy, leafSubject: string): void {
  if (policy.trustedIdentities.includes('*')) return;
  const have = parseDn(leafSubject);
  for (const id of policy.trustedIdentities) {
    const m = /^x509\.subject:\s*(.+)$/.exec(id);
    if (!m) continue;
    const want = parseDn(m[1]!);
    if (want.size > 0 && [...want].every(([k, v]) => have.get(k) === v)) return;
  }
  throw new VerifyError('UNTRUSTED_IDENTITY', `signer ${leafSubject.replace(/\n/g, ', ')} is not a trusted identity of notation policy ${policy.name}`);
}
