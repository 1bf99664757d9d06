/**
 * The policy file's schema (apiVersion bulwark.dev/v1, kind Policy), written once with zod: it validates
 * policy files at run time and generates the published JSON Schema (docs/schemas/policy-v1.schema.json,
 * kept in sync by schema.test.ts). Cross-field rules (one of two fields, valid regular expressions and
 * version ranges) are refinements: the JSON Schema cannot express all of them.
 */
import { z } from 'zod';
import { SEVERITIES } from '../vuln/match/types.js';
import { parseVersionRange } from './version-range.js';

export const API_VERSION = 'bulwark.dev/v1';

/** Every rule an exception can name, in evaluation order. */
export const RULE_NAMES = ['allowedRepositories', 'requireDigest', 'signatures', 'attestations', 'vulnerabilities', 'bannedPackages', 'licenses', 'checks', 'eol'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export const CHECK_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
const PACKAGE_TYPES = ['deb', 'apk', 'rpm', 'npm', 'pypi', 'golang', 'maven', 'gem', 'cargo', 'composer', 'nuget'] as const;

const nonEmpty = z.string().min(1);
const globList = (what: string) => z.array(nonEmpty).min(1).describe(what);
const repositories = globList('repository globs matched against registry/repository (docker.io/library/alpine): * stays within one path segment, ** crosses segments; a pattern without a slash names a whole registry');

function validRegExp(s: string): string | undefined {
  try {
    new RegExp(s);
    return undefined;
  } catch (err) {
    return `invalid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
}

const identity = z
  .strictObject({
    issuer: nonEmpty.optional().describe('exact OIDC issuer, e.g. https://token.actions.githubusercontent.com'),
    issuerRegExp: nonEmpty.optional().describe('regular expression the OIDC issuer must match (unanchored, as cosign: anchor it with ^…$)'),
    subject: nonEmpty.optional().describe('exact certificate subject (e-mail or URI)'),
    subjectRegExp: nonEmpty.optional().describe('regular expression the certificate subject must match'),
  })
  .describe('a keyless (Sigstore Fulcio) signer: an issuer and a subject, each exact or a regular expression')
  .superRefine((v, ctx) => {
    if (Boolean(v.issuer) === Boolean(v.issuerRegExp)) ctx.addIssue({ code: 'custom', message: 'needs exactly one of issuer or issuerRegExp' });
    if (Boolean(v.subject) === Boolean(v.subjectRegExp)) ctx.addIssue({ code: 'custom', message: 'needs exactly one of subject or subjectRegExp' });
    for (const k of ['issuerRegExp', 'subjectRegExp'] as const) {
      const bad = v[k] === undefined ? undefined : validRegExp(v[k]);
      if (bad) ctx.addIssue({ code: 'custom', path: [k], message: bad });
    }
  });

const key = z
  .strictObject({
    path: nonEmpty.optional().describe('PEM public key file, relative to the policy file'),
    pem: nonEmpty.optional().describe('PEM public key inline'),
  })
  .describe('a public key: a file or inline PEM')
  .superRefine((v, ctx) => {
    if (Boolean(v.path) === Boolean(v.pem)) ctx.addIssue({ code: 'custom', message: 'needs exactly one of path or pem' });
    if (v.pem && !/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(v.pem)) ctx.addIssue({ code: 'custom', path: ['pem'], message: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)' });
  });

const signers = {
  keys: z.array(key).min(1).optional().describe('any one of these keys may sign'),
  keyless: z.array(identity).min(1).optional().describe('any one of these keyless identities may sign'),
};

const signature = z
  .strictObject({
    repositories,
    ...signers,
    notation: z
      .strictObject({
        trustStore: z.array(nonEmpty).min(1).describe('CA certificate files (PEM), relative to the policy file'),
        trustPolicy: z.record(z.string(), z.unknown()).optional().describe('a Notary Project trust policy document (version 1.0)'),
      })
      .optional()
      .describe('accept Notary Project (notation) signatures chaining to this trust store'),
  })
  .describe('images in these repositories must carry a valid signature from one of the listed signers')
  .superRefine((v, ctx) => {
    if (!v.keys && !v.keyless && !v.notation) ctx.addIssue({ code: 'custom', message: 'needs keys, keyless or notation' });
  });

const attestation = z
  .strictObject({
    repositories,
    predicateTypes: globList('in-toto predicate types that must each be attested: URIs (globs allowed) or cosign short names (slsaprovenance1, spdx, cyclonedx, vuln)'),
    ...signers,
  })
  .describe('images in these repositories must carry signed attestations of these predicate types (signers default to those of the matching signatures entries)');

const vulnerabilities = z
  .strictObject({
    maxSeverity: z.enum(SEVERITIES).optional().describe('highest severity allowed: any finding above it fails (UNKNOWN ranks lowest)'),
    maxCounts: z
      .partialRecord(z.enum(SEVERITIES), z.number().int().min(0))
      .optional()
      .describe('most findings allowed per severity, e.g. {CRITICAL: 0, HIGH: 5}'),
    ignoreUnfixed: z.boolean().optional().describe('count only findings that have a fixed version (default false: all findings count)'),
  })
  .describe('vulnerability limits (needs the advisory database)')
  .superRefine((v, ctx) => {
    if (!v.maxSeverity && !v.maxCounts) ctx.addIssue({ code: 'custom', message: 'needs maxSeverity or maxCounts' });
  });

const bannedPackage = z
  .strictObject({
    name: nonEmpty.optional().describe('package name glob (also matched against the source package name)'),
    purl: nonEmpty.optional().describe('package URL glob, e.g. pkg:npm/event-stream@*'),
    type: z.enum(PACKAGE_TYPES).optional().describe('only packages of this type'),
    versions: nonEmpty.optional().describe('version range in the package ecosystem\'s own ordering: ">=2.0.0, <2.17.1" (comma = and, || = or)'),
    reason: nonEmpty.optional().describe('shown in the violation'),
  })
  .describe('a package that must not be installed')
  .superRefine((v, ctx) => {
    if (!v.name && !v.purl) ctx.addIssue({ code: 'custom', message: 'needs name or purl' });
    if (v.versions) {
      try {
        parseVersionRange(v.versions);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['versions'], message: (err as Error).message });
      }
    }
  });

const licenses = z
  .strictObject({
    banned: globList('SPDX license ids or globs that must not be used, e.g. AGPL-*').optional(),
    allowed: globList('the only SPDX license ids or globs allowed').optional(),
    allowUnknown: z.boolean().optional().describe('packages with no license information pass (default true; they are counted in a warning)'),
  })
  .describe('license rules: a deny-list or an allow-list; an SPDX expression passes when one of its choices does')
  .superRefine((v, ctx) => {
    if (Boolean(v.banned) === Boolean(v.allowed)) ctx.addIssue({ code: 'custom', message: 'needs exactly one of banned or allowed' });
  });

const checks = z
  .strictObject({
    mustPass: globList('check IDs or slugs (globs) that must report nothing, e.g. IMG-001, ssh-server-installed').optional(),
    maxSeverity: z.enum(CHECK_SEVERITIES).optional().describe('highest hardening-check severity allowed: any config finding above it fails'),
  })
  .describe('image hardening checks (IMG-…)')
  .superRefine((v, ctx) => {
    if (!v.mustPass && !v.maxSeverity) ctx.addIssue({ code: 'custom', message: 'needs mustPass or maxSeverity' });
  });

const eol = z
  .strictObject({
    forbid: z.boolean().describe('true: an OS release past its end of life fails'),
    graceDays: z.number().int().min(0).optional().describe('days after the end-of-life date during which the image still passes (default 0)'),
    allowUnknown: z.boolean().optional().describe('an OS with no end-of-life data passes with a warning (default true)'),
  })
  .describe('end-of-life operating system releases');

const rules = z
  .strictObject({
    allowedRepositories: repositories.optional(),
    requireDigest: z.boolean().optional().describe('the image must be referenced by digest (name@sha256:…)'),
    signatures: z.array(signature).min(1).optional(),
    attestations: z.array(attestation).min(1).optional(),
    vulnerabilities: vulnerabilities.optional(),
    bannedPackages: z.array(bannedPackage).min(1).optional(),
    licenses: licenses.optional(),
    checks: checks.optional(),
    eol: eol.optional(),
  })
  .describe('every rule is optional; an image passes when no rule is violated');

const exception = z
  .strictObject({
    owner: nonEmpty.describe('who answers for it (team or e-mail)'),
    reason: nonEmpty.describe('why it is acceptable'),
    expires: z.iso.date().describe('YYYY-MM-DD: the exception applies through the end of this day (UTC), then is reported as expired'),
    scope: z
      .strictObject({
        repositories,
        rule: z.enum(RULE_NAMES).describe('the rule it waives'),
        ids: z
          .array(nonEmpty)
          .min(1)
          .optional()
          .describe('only these subjects (globs): vulnerability IDs or aliases, check IDs or slugs, package names or purls, license ids, predicate types; absent = the whole rule'),
      })
      .describe('what the exception waives'),
  })
  .describe('a time-boxed, owned waiver');

export const policySchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal('Policy'),
    metadata: z.strictObject({ name: nonEmpty, description: z.string().optional() }).optional(),
    rules,
    exceptions: z.array(exception).optional(),
  })
  .meta({
    $id: 'https://bulwark.dev/schemas/policy-v1.schema.json',
    title: 'Bulwark policy (bulwark.dev/v1)',
    description: 'Whether a container image may ship: one file for CI (bulwark policy check) and the admission webhook.',
  });

export type PolicyDocument = z.infer<typeof policySchema>;

/** The JSON Schema published as docs/schemas/policy-v1.schema.json. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
