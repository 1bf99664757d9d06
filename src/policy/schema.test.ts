import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { parse as yamlParse } from 'yaml';
import { isBulwarkError } from '../shared/errors.js';
import { tempDir } from '../../test/helpers/fixtures.js';
import { loadPolicy, parsePolicy } from './load.js';
import { policyJsonSchema } from './schema.js';

const SCHEMA_FILE = new URL('../../docs/schemas/policy-v1.schema.json', import.meta.url);
const HEAD = 'apiVersion: bulwark.dev/v1\nkind: Policy\n';
const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';

/** A complete policy using every field: the docs example and the schema agree on it. */
export const FULL_POLICY = `${HEAD}metadata:
  name: production
  description: what may ship to production
rules:
  allowedRepositories: [ghcr.io/acme/**, docker.io/library/*]
  requireDigest: true
  signatures:
    - repositories: [ghcr.io/acme/**]
      keyless:
        - issuer: https://token.actions.githubusercontent.com
          subjectRegExp: '^https://github\\.com/acme/[^/]+/\\.github/workflows/release\\.yml@refs/tags/v'
      keys:
        - pem: |
${PEM.trimEnd().split('\n').map((l) => `            ${l}`).join('\n')}
  attestations:
    - repositories: [ghcr.io/acme/**]
      predicateTypes: [https://slsa.dev/provenance/v1]
  vulnerabilities:
    maxSeverity: HIGH
    maxCounts: {HIGH: 5}
    ignoreUnfixed: true
  bannedPackages:
    - name: openssh-server
      reason: no SSH in containers
    - purl: pkg:maven/org.apache.logging.log4j/log4j-core
      versions: '>=2.0.0, <2.17.1'
  licenses:
    banned: [AGPL-*, SSPL-1.0]
  checks:
    mustPass: [IMG-001, ssh-server-installed]
    maxSeverity: HIGH
  eol:
    forbid: true
    graceDays: 30
exceptions:
  - owner: platform@acme.example
    reason: libwebp is never used to decode untrusted images
    expires: 2026-12-31
    scope:
      repositories: [ghcr.io/acme/thumbnails]
      rule: vulnerabilities
      ids: [CVE-2023-4863]
`;

function messageOf(text: string): string {
  try {
    parsePolicy(text, 'policy.yaml', { readFile: () => PEM });
    return 'valid';
  } catch (err) {
    assert.ok(isBulwarkError(err, 'USAGE'), String(err));
    return err.message;
  }
}

const BROKEN: [string, string, string][] = [
  ['empty file', '', 'policy.yaml: (root): the file is empty (expected apiVersion: bulwark.dev/v1, kind: Policy, rules: …)'],
  ['not YAML', 'rules: [a\n', 'policy.yaml: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1)'],
  ['duplicate key', `${HEAD}rules: {}\nrules: {}\n`, 'policy.yaml: not valid YAML (Map keys must be unique at line 4, column 1)'],
  ['no apiVersion', 'kind: Policy\nrules: {}\n', 'policy.yaml: apiVersion: is required'],
  ['wrong apiVersion', 'apiVersion: bulwark.dev/v2\nkind: Policy\nrules: {}\n', 'policy.yaml: apiVersion: must be bulwark.dev/v1 (got "bulwark.dev/v2")'],
  ['wrong kind', 'apiVersion: bulwark.dev/v1\nkind: ClusterPolicy\nrules: {}\n', 'policy.yaml: kind: must be Policy (got "ClusterPolicy")'],
  ['no rules', HEAD, 'policy.yaml: rules: is required'],
  ['unknown top-level field', `${HEAD}rules: {}\nspec: {}\n`, 'policy.yaml: (root): unknown field "spec" (expected apiVersion, kind, metadata, rules, exceptions)'],
  ['unknown rule', `${HEAD}rules:\n  registries: [ghcr.io]\n`, 'policy.yaml: rules: unknown field "registries" (expected allowedRepositories, requireDigest, signatures, attestations, vulnerabilities, bannedPackages, licenses, checks, eol)'],
  ['bad severity', `${HEAD}rules:\n  vulnerabilities:\n    maxSeverity: SEVERE\n`, 'policy.yaml: rules.vulnerabilities.maxSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN (got "SEVERE")'],
  ['lower-case severity', `${HEAD}rules:\n  vulnerabilities:\n    maxSeverity: high\n`, 'policy.yaml: rules.vulnerabilities.maxSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN (got "high")'],
  ['empty vulnerabilities rule', `${HEAD}rules:\n  vulnerabilities: {}\n`, 'policy.yaml: rules.vulnerabilities: needs maxSeverity or maxCounts'],
  ['bad count key', `${HEAD}rules:\n  vulnerabilities:\n    maxCounts: {SEVERE: 1}\n`, 'policy.yaml: rules.vulnerabilities.maxCounts: unknown field "SEVERE" (expected CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN)'],
  ['negative count', `${HEAD}rules:\n  vulnerabilities:\n    maxCounts: {HIGH: -1}\n`, 'policy.yaml: rules.vulnerabilities.maxCounts.HIGH: must be at least 0'],
  ['count not a number', `${HEAD}rules:\n  vulnerabilities:\n    maxCounts: {HIGH: many}\n`, 'policy.yaml: rules.vulnerabilities.maxCounts.HIGH: must be a number, not a string ("many")'],
  ['ignoreUnfixed not boolean', `${HEAD}rules:\n  vulnerabilities:\n    maxSeverity: HIGH\n    ignoreUnfixed: yes\n`, 'policy.yaml: rules.vulnerabilities.ignoreUnfixed: must be true or false, not a string ("yes")'],
  ['repositories not a list', `${HEAD}rules:\n  allowedRepositories: ghcr.io/acme/*\n`, 'policy.yaml: rules.allowedRepositories: must be a list, not a string ("ghcr.io/acme/*")'],
  ['empty repositories', `${HEAD}rules:\n  allowedRepositories: []\n`, 'policy.yaml: rules.allowedRepositories: must list at least 1 item'],
  ['empty glob', `${HEAD}rules:\n  allowedRepositories: [""]\n`, 'policy.yaml: rules.allowedRepositories[0]: must not be empty'],
  ['signature without signer', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n`, 'policy.yaml: rules.signatures[0]: needs keys, keyless or notation'],
  ['keyless without subject', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keyless:\n        - issuer: https://accounts.google.com\n`, 'policy.yaml: rules.signatures[0].keyless[0]: needs exactly one of subject or subjectRegExp'],
  ['keyless with both issuer forms', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keyless:\n        - {issuer: a, issuerRegExp: b, subject: c}\n`, 'policy.yaml: rules.signatures[0].keyless[0]: needs exactly one of issuer or issuerRegExp'],
  ['notation trust store not a certificate', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      notation: {trustStore: [ca.pem]}\n`, 'policy.yaml: rules.signatures[0].notation.trustStore[0]: ca.pem is not a PEM certificate'],
  ['bad subject regex', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keyless:\n        - issuer: x\n          subjectRegExp: '(['\n`, 'policy.yaml: rules.signatures[0].keyless[0].subjectRegExp: invalid regular expression (/([/: Unterminated character class)'],
  ['key with both path and pem', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keys:\n        - {path: a.pub, pem: x}\n`, 'policy.yaml: rules.signatures[0].keys[0]: needs exactly one of path or pem'],
  ['inline key not PEM', `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keys:\n        - pem: not-a-key\n`, 'policy.yaml: rules.signatures[0].keys[0].pem: must be a PEM public key (-----BEGIN PUBLIC KEY-----)'],
  ['attestation without types', `${HEAD}rules:\n  attestations:\n    - repositories: ['**']\n`, 'policy.yaml: rules.attestations[0].predicateTypes: is required'],
  ['ban without name or purl', `${HEAD}rules:\n  bannedPackages:\n    - versions: '<1'\n`, 'policy.yaml: rules.bannedPackages[0]: needs name or purl'],
  ['bad version range', `${HEAD}rules:\n  bannedPackages:\n    - name: x\n      versions: '=>1.0'\n`, 'policy.yaml: rules.bannedPackages[0].versions: cannot read "=>1.0" in version range "=>1.0" (use e.g. ">=1.0, <2.0")'],
  ['bad package type', `${HEAD}rules:\n  bannedPackages:\n    - name: x\n      type: debian\n`, 'policy.yaml: rules.bannedPackages[0].type: must be one of deb, apk, rpm, npm, pypi, golang, maven, gem, cargo, composer, nuget (got "debian")'],
  ['both license lists', `${HEAD}rules:\n  licenses:\n    banned: [GPL-3.0-only]\n    allowed: [MIT]\n`, 'policy.yaml: rules.licenses: needs exactly one of banned or allowed'],
  ['bad check severity', `${HEAD}rules:\n  checks:\n    maxSeverity: UNKNOWN\n`, 'policy.yaml: rules.checks.maxSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got "UNKNOWN")'],
  ['eol without forbid', `${HEAD}rules:\n  eol: {graceDays: 30}\n`, 'policy.yaml: rules.eol.forbid: is required'],
  ['negative grace', `${HEAD}rules:\n  eol: {forbid: true, graceDays: -1}\n`, 'policy.yaml: rules.eol.graceDays: must be at least 0'],
  ['exception without owner', `${HEAD}rules: {}\nexceptions:\n  - reason: r\n    expires: 2026-01-01\n    scope: {repositories: ['**'], rule: eol}\n`, 'policy.yaml: exceptions[0].owner: is required'],
  ['exception without expiry', `${HEAD}rules: {}\nexceptions:\n  - owner: o\n    reason: r\n    scope: {repositories: ['**'], rule: eol}\n`, 'policy.yaml: exceptions[0].expires: is required'],
  ['exception with a bad date', `${HEAD}rules: {}\nexceptions:\n  - owner: o\n    reason: r\n    expires: 2026-02-30\n    scope: {repositories: ['**'], rule: eol}\n`, 'policy.yaml: exceptions[0].expires: must be a date YYYY-MM-DD (got "2026-02-30")'],
  ['exception for an unknown rule', `${HEAD}rules: {}\nexceptions:\n  - owner: o\n    reason: r\n    expires: 2026-01-01\n    scope: {repositories: ['**'], rule: vulns}\n`, 'policy.yaml: exceptions[0].scope.rule: must be one of allowedRepositories, requireDigest, signatures, attestations, vulnerabilities, bannedPackages, licenses, checks, eol (got "vulns")'],
  ['exception without repositories', `${HEAD}rules: {}\nexceptions:\n  - owner: o\n    reason: r\n    expires: 2026-01-01\n    scope: {rule: eol}\n`, 'policy.yaml: exceptions[0].scope.repositories: is required'],
];

describe('policy validation messages: file, path, problem on one line', () => {
  for (const [name, text, want] of BROKEN) it(name, () => assert.equal(messageOf(text), want));
  it('the full example is valid', () => assert.equal(messageOf(FULL_POLICY), 'valid'));
});

describe('key files', () => {
  it('reads key paths relative to the policy file', async (t) => {
    const { dir, cleanup } = await tempDir();
    t.after(cleanup);
    await mkdir(join(dir, 'keys'));
    await writeFile(join(dir, 'keys', 'cosign.pub'), PEM);
    await writeFile(join(dir, 'p.yaml'), `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keys: [{path: keys/cosign.pub}]\n`);
    const { policy } = await loadPolicy(join(dir, 'p.yaml'));
    assert.equal(policy.rules.signatures![0]!.keys![0]!.pem, PEM);
  });
  for (const [name, content, want] of [
    ['missing key file', undefined, 'p.yaml: rules.signatures[0].keys[0].path: cannot read keys/none.pub'],
    ['key file is not PEM', 'hello', 'p.yaml: rules.signatures[0].keys[0].path: keys/none.pub is not a PEM public key'],
  ] as const) {
    it(name, () => {
      const text = `${HEAD}rules:\n  signatures:\n    - repositories: ['**']\n      keys: [{path: keys/none.pub}]\n`;
      assert.throws(
        () =>
          parsePolicy(text, 'p.yaml', {
            readFile: () => {
              if (content === undefined) throw new Error('ENOENT');
              return content;
            },
          }),
        (e: unknown) => isBulwarkError(e, 'USAGE') && e.message === want,
      );
    });
  }
  it('an unreadable policy file is a usage error', async () => {
    await assert.rejects(loadPolicy('/nonexistent/policy.yaml'), (e: unknown) => isBulwarkError(e, 'USAGE') && e.message === '/nonexistent/policy.yaml: cannot read the policy file');
  });
});

describe('warnings', () => {
  it('flags repository patterns without a registry host', () => {
    const { warnings } = parsePolicy(`${HEAD}rules:\n  allowedRepositories: [library/alpine, ghcr.io/acme/*]\n`, 'p.yaml');
    assert.deepEqual(warnings, ['rules.allowedRepositories: "library/alpine" has no registry host, so it matches nothing; patterns are matched against registry/repository (did you mean "docker.io/library/alpine"?)']);
  });
});

describe('published JSON Schema', () => {
  it('docs/schemas/policy-v1.schema.json is generated from the zod schema (BULWARK_UPDATE_SCHEMA=1 rewrites it)', () => {
    const want = JSON.stringify(policyJsonSchema(), null, 2) + '\n';
    if (process.env.BULWARK_UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, want);
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), want);
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  const parse = (t: string) => parsePolicy(t, 'x.yaml', { readFile: () => PEM });

  it('accepts the full example (as any JSON Schema validator would)', () => {
    const doc = JSON.parse(JSON.stringify(parse(FULL_POLICY).policy)) as unknown;
    assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  });
  it('rejects what the structural rules reject', () => {
    const structural = BROKEN.filter(([n]) => /severity|unknown rule|unknown top-level|no rules|wrong kind|bad count key|negative|bad package type|without owner/.test(n));
    assert.equal(structural.length, 13);
    for (const [name, text] of structural) {
      assert.equal(validate(yamlParse(text)), false, name);
    }
  });
});

