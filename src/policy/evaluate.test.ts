import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Package } from '../catalog/types.js';
import type { ConfigFinding } from '../checks/types.js';
import { parseReference } from '../source/registry/reference.js';
import type { Finding, Severity } from '../vuln/match/types.js';
import { evaluatePolicy } from './evaluate.js';
import { parsePolicy } from './load.js';
import type { Policy, PolicyFacts, PolicyResult } from './types.js';
import type { SignatureResult, VerifyResult } from './verify-types.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;

/** A policy from the YAML body of `rules:` (and optional exceptions), validated like a file. */
function policy(rules: object, exceptions?: object[]): Policy {
  const doc = { apiVersion: 'bulwark.dev/v1', kind: 'Policy', metadata: { name: 't' }, rules, ...(exceptions ? { exceptions } : {}) };
  return parsePolicy(JSON.stringify(doc), 'test.yaml', { readFile: () => '-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n' }).policy;
}

function pkg(name: string, version: string, more: Partial<Package> = {}): Package {
  return { name, version, type: 'apk', purl: `pkg:apk/alpine/${name}@${version}?arch=x86_64`, licenses: [], foundBy: 'apk', locations: [{ path: '/lib/apk/db/installed', layerIndex: 0 }], ...more };
}

function finding(id: string, level: Severity, fixedVersion?: string, pkgName = 'openssl'): Finding {
  return {
    id,
    aliases: [`GHSA-${id.slice(-4)}`],
    advisories: [id],
    pkg: { name: pkgName, version: '1.0', type: 'apk', purl: `pkg:apk/alpine/${pkgName}@1.0` },
    installedVersion: '1.0',
    fixedVersions: fixedVersion ? [fixedVersion] : [],
    fixedVersion,
    status: fixedVersion ? 'fixed' : 'affected',
    severity: { level, source: 'test' },
    title: `${id} title`,
    references: [],
    match: { matcher: 'apk', ecosystem: 'Alpine', searchedBy: { name: pkgName, version: '1.0' }, ranges: [] },
  };
}

function configFinding(checkId: string, slug: string, severity: ConfigFinding['severity']): ConfigFinding {
  return { checkId, slug, target: 'image', severity, title: slug, message: `${slug} hit`, remediation: '', source: 'img', references: {} };
}

const alpine = (version: string) => ({ family: 'alpine', version, versionId: version });

function facts(ref: string, more: Partial<PolicyFacts> = {}): PolicyFacts {
  return { reference: parseReference(ref), ...more };
}

function verify(more: Partial<VerifyResult>): VerifyResult {
  return { digest: DIGEST, signatures: [], attestations: [], ok: false, reasons: [], warnings: [], ...more };
}

const summary = (r: PolicyResult) => r.violations.map((v) => `${v.rule}: ${v.message}`);

interface Case {
  name: string;
  rules: object;
  facts: PolicyFacts;
  /** expected violation messages (rule: message); [] = pass */
  want: (string | RegExp)[];
  warnings?: RegExp[];
}

const sigEntry = { repositories: ['ghcr.io/acme/**'], keyless: [{ issuer: 'https://token.actions.githubusercontent.com', subjectRegExp: '^https://github\\.com/acme/' }] };
const keyEntry = { repositories: ['ghcr.io/acme/**'], keys: [{ path: 'cosign.pub' }] };
const okKeyless: SignatureResult = { kind: 'cosign-keyless', layout: 'referrers', ok: true, identity: { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1' } };

const CASES: Case[] = [
  // allowedRepositories
  { name: 'allowed repository (** glob)', rules: { allowedRepositories: ['ghcr.io/acme/**'] }, facts: facts('ghcr.io/acme/team/app:1'), want: [] },
  { name: 'allowed registry (no slash)', rules: { allowedRepositories: ['registry.acme.example'] }, facts: facts('registry.acme.example/x/y:1'), want: [] },
  { name: 'Docker Hub official image', rules: { allowedRepositories: ['docker.io/library/*'] }, facts: facts('alpine:3.22'), want: [] },
  {
    name: '* does not cross a path segment',
    rules: { allowedRepositories: ['ghcr.io/acme/*'] },
    facts: facts('ghcr.io/acme/team/app:1'),
    want: ['allowedRepositories: ghcr.io/acme/team/app is not an allowed repository (allowed: ghcr.io/acme/*)'],
  },
  { name: 'other registry', rules: { allowedRepositories: ['ghcr.io/acme/**'] }, facts: facts('evil.example/acme/app:1'), want: ['allowedRepositories: evil.example/acme/app is not an allowed repository (allowed: ghcr.io/acme/**)'] },
  // requireDigest
  { name: 'pinned by digest', rules: { requireDigest: true }, facts: facts(`ghcr.io/acme/app@${DIGEST}`), want: [] },
  { name: 'tag only', rules: { requireDigest: true }, facts: facts('ghcr.io/acme/app:1.0'), want: ['requireDigest: ghcr.io/acme/app:1.0 is not pinned by digest'] },
  { name: 'tag only, digest known', rules: { requireDigest: true }, facts: facts('ghcr.io/acme/app:1.0', { digest: DIGEST }), want: [`requireDigest: ghcr.io/acme/app:1.0 is not pinned by digest (pin it: ghcr.io/acme/app@${DIGEST})`] },
  { name: 'requireDigest: false', rules: { requireDigest: false }, facts: facts('ghcr.io/acme/app:1.0'), want: [] },
  // signatures
  { name: 'keyless signature from the right identity', rules: { signatures: [sigEntry] }, facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ ok: true, signatures: [okKeyless] }) }), want: [] },
  {
    name: 'keyless signature from another identity',
    rules: { signatures: [sigEntry] },
    facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ ok: true, signatures: [{ ...okKeyless, identity: { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/evil/x' } }] }) }),
    want: ['signatures: no valid signature from keyless https://token.actions.githubusercontent.com /^https://github\\.com/acme// (signatures[0]): signed by https://token.actions.githubusercontent.com https://github.com/evil/x'],
  },
  { name: 'key signature', rules: { signatures: [keyEntry] }, facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ ok: true, signatures: [{ kind: 'cosign-key', layout: 'legacy-tag', ok: true, keyId: 'k1' }] }) }), want: [] },
  {
    name: 'no signature found',
    rules: { signatures: [keyEntry] },
    facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ reasons: ['no signatures found for sha256:aaaa'] }) }),
    want: ['signatures: no valid signature from the policy key (signatures[0]): no signatures found for sha256:aaaa'],
  },
  { name: 'verification did not run', rules: { signatures: [keyEntry] }, facts: facts('ghcr.io/acme/app:1'), want: ['signatures: signature verification did not run (required by signatures[0]: the policy key)'] },
  { name: 'entry for another repository does not apply', rules: { signatures: [keyEntry] }, facts: facts('docker.io/library/alpine:3'), want: [] },
  {
    name: 'signature verified for another digest',
    rules: { signatures: [keyEntry] },
    facts: facts(`ghcr.io/acme/app@${OTHER_DIGEST}`, { verify: verify({ ok: true, signatures: [{ kind: 'cosign-key', layout: 'legacy-tag', ok: true }] }) }),
    want: [`signatures: signatures were verified for ${DIGEST} but the image is ${OTHER_DIGEST}`],
  },
  {
    name: 'per-requirement results: each entry must be met',
    rules: { signatures: [keyEntry, sigEntry] },
    facts: facts(`ghcr.io/acme/app@${DIGEST}`, {
      verifyByRequirement: { 'signatures[0]': verify({ ok: true, signatures: [{ kind: 'cosign-key', layout: 'legacy-tag', ok: true }] }), 'signatures[1]': verify({ signatures: [{ kind: 'cosign-keyless', layout: 'referrers', ok: false, reason: 'IDENTITY_MISMATCH: certificate identity mismatch' }] }) },
    }),
    want: [/^signatures: no valid signature from keyless .* \(signatures\[1\]\): IDENTITY_MISMATCH: certificate identity mismatch$/],
  },
  // attestations
  {
    name: 'attestation present',
    rules: { attestations: [{ repositories: ['ghcr.io/acme/**'], predicateTypes: ['https://slsa.dev/provenance/v1'], keys: [{ pem: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' }] }] },
    facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ attestations: [{ predicateType: 'https://slsa.dev/provenance/v1', ok: true }] }) }),
    want: [],
  },
  {
    name: 'attestation missing, another failing',
    rules: { attestations: [{ repositories: ['ghcr.io/acme/**'], predicateTypes: ['https://slsa.dev/provenance/v1', 'https://spdx.dev/Document'] }] },
    facts: facts(`ghcr.io/acme/app@${DIGEST}`, { verify: verify({ attestations: [{ predicateType: 'https://spdx.dev/Document', ok: false, reason: 'signature invalid' }] }) }),
    want: ['attestations: no verified attestation of type https://slsa.dev/provenance/v1 (attestations[0]): none found', 'attestations: no verified attestation of type https://spdx.dev/Document (attestations[0]): signature invalid'],
  },
  // vulnerabilities
  {
    name: 'maxSeverity: findings above fail, at or below pass',
    rules: { vulnerabilities: { maxSeverity: 'MEDIUM' } },
    facts: facts('ghcr.io/acme/app:1', { findings: [finding('CVE-2024-0001', 'CRITICAL', '1.1'), finding('CVE-2024-0002', 'MEDIUM', '1.1'), finding('CVE-2024-0003', 'HIGH')] }),
    want: [
      'vulnerabilities: CVE-2024-0001 (CRITICAL) in openssl 1.0: fixed in 1.1 — CVE-2024-0001 title (above the maximum MEDIUM)',
      'vulnerabilities: CVE-2024-0003 (HIGH) in openssl 1.0: no fix (affected) — CVE-2024-0003 title (above the maximum MEDIUM)',
    ],
  },
  {
    name: 'maxSeverity with ignoreUnfixed: unfixed findings do not count',
    rules: { vulnerabilities: { maxSeverity: 'MEDIUM', ignoreUnfixed: true } },
    facts: facts('ghcr.io/acme/app:1', { findings: [finding('CVE-2024-0003', 'HIGH')] }),
    want: [],
  },
  {
    name: 'maxCounts',
    rules: { vulnerabilities: { maxCounts: { CRITICAL: 0, HIGH: 1, LOW: 5 } } },
    facts: facts('ghcr.io/acme/app:1', { findings: [finding('CVE-1', 'HIGH', '2'), finding('CVE-2', 'HIGH'), finding('CVE-3', 'CRITICAL', '2'), finding('CVE-4', 'LOW')] }),
    want: ['vulnerabilities: 1 CRITICAL finding, at most 0 allowed', 'vulnerabilities: 2 HIGH findings, at most 1 allowed'],
  },
  {
    name: 'maxCounts with ignoreUnfixed counts fixable findings only',
    rules: { vulnerabilities: { maxCounts: { HIGH: 0 }, ignoreUnfixed: true } },
    facts: facts('ghcr.io/acme/app:1', { findings: [finding('CVE-1', 'HIGH', '2'), finding('CVE-2', 'HIGH')] }),
    want: ['vulnerabilities: 1 fixable HIGH finding, at most 0 allowed'],
  },
  { name: 'UNKNOWN ranks lowest', rules: { vulnerabilities: { maxSeverity: 'NEGLIGIBLE' } }, facts: facts('ghcr.io/acme/app:1', { findings: [finding('CVE-1', 'UNKNOWN')] }), want: [] },
  { name: 'vulnerability scan did not run', rules: { vulnerabilities: { maxSeverity: 'HIGH' } }, facts: facts('ghcr.io/acme/app:1'), want: ['vulnerabilities: the vulnerability scan did not run (no findings provided)'] },
  // bannedPackages
  {
    name: 'banned by name',
    rules: { bannedPackages: [{ name: 'openssh-server*', reason: 'no SSH in containers' }] },
    facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [pkg('openssh-server-pam', '9.6_p1-r0'), pkg('musl', '1.2.5-r0')] } }),
    want: ['bannedPackages: banned package openssh-server-pam 9.6_p1-r0 (apk at /lib/apk/db/installed, layer 1): no SSH in containers'],
  },
  {
    name: 'banned by purl and version range (ecosystem ordering)',
    rules: { bannedPackages: [{ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core', versions: '>=2.0.0, <2.17.1' }] },
    facts: facts('ghcr.io/acme/app:1', {
      inventory: {
        packages: [
          pkg('log4j-core', '2.14.1', { type: 'maven', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', locations: [{ path: '/app/app.jar' }] }),
          pkg('log4j-core', '2.17.1', { type: 'maven', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1', locations: [{ path: '/app/new.jar' }] }),
        ],
      },
    }),
    want: ['bannedPackages: banned package log4j-core 2.14.1 (maven at /app/app.jar)'],
  },
  { name: 'banned type does not match', rules: { bannedPackages: [{ name: 'curl', type: 'deb' }] }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [pkg('curl', '8.0')] } }), want: [] },
  { name: 'dpkg version ordering (~)', rules: { bannedPackages: [{ name: 'libssl3', type: 'deb', versions: '<3.0.11' }] }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [pkg('libssl3', '3.0.11~rc1', { type: 'deb', purl: 'pkg:deb/debian/libssl3@3.0.11~rc1' })] } }), want: [/banned package libssl3 3\.0\.11~rc1/] },
  // licenses
  {
    name: 'banned license; OR lets a package choose',
    rules: { licenses: { banned: ['AGPL-*', 'GPL-3.0*'] } },
    facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [pkg('a', '1', { licenses: ['AGPL-3.0-only'] }), pkg('b', '1', { licenses: ['MIT OR GPL-3.0-only'] }), pkg('c', '1', { licenses: ['MIT AND GPL-3.0-or-later'] }), pkg('d', '1')] } }),
    want: ['licenses: a 1 (apk): license "AGPL-3.0-only" is banned (declared: AGPL-3.0-only)', 'licenses: c 1 (apk): license "GPL-3.0-or-later" is banned (declared: MIT AND GPL-3.0-or-later)'],
    warnings: [/^licenses: 1 package has no license information/],
  },
  {
    name: 'allow-list; unknown licenses fail when allowUnknown is false',
    rules: { licenses: { allowed: ['MIT', 'Apache-2.0', 'BSD-*'], allowUnknown: false } },
    facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [pkg('a', '1', { licenses: ['BSD-3-Clause'] }), pkg('b', '1', { licenses: ['GPL-2.0-only WITH Classpath-exception-2.0'] }), pkg('d', '1')] } }),
    want: ['licenses: b 1 (apk): license "GPL-2.0-only" is not in the allowed list (declared: GPL-2.0-only WITH Classpath-exception-2.0)', 'licenses: d 1 (apk) declares no license'],
  },
  // checks
  {
    name: 'mustPass by ID and by slug; maxSeverity',
    rules: { checks: { mustPass: ['IMG-001', 'ssh-server-installed'], maxSeverity: 'MEDIUM' } },
    facts: facts('ghcr.io/acme/app:1', { configFindings: [configFinding('IMG-001', 'root-user', 'MEDIUM'), configFinding('IMG-002', 'ssh-server-installed', 'HIGH'), configFinding('IMG-008', 'sudo-installed', 'HIGH'), configFinding('IMG-012', 'no-healthcheck', 'LOW')] }),
    want: [
      'checks: IMG-001 root-user (MEDIUM) must pass (IMG-001): root-user hit',
      'checks: IMG-002 ssh-server-installed (HIGH) must pass (ssh-server-installed): ssh-server-installed hit',
      'checks: IMG-008 sudo-installed (HIGH) above the maximum MEDIUM: sudo-installed hit',
    ],
  },
  { name: 'checks all pass', rules: { checks: { mustPass: ['IMG-00*'] } }, facts: facts('ghcr.io/acme/app:1', { configFindings: [configFinding('IMG-012', 'no-healthcheck', 'LOW')] }), want: [] },
  { name: 'checks did not run', rules: { checks: { maxSeverity: 'HIGH' } }, facts: facts('ghcr.io/acme/app:1'), want: ['checks: the hardening checks did not run (no check results provided)'] },
  // eol
  { name: 'supported OS', rules: { eol: { forbid: true } }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [], os: alpine('3.22.1') } }), want: [] },
  { name: 'EOL OS', rules: { eol: { forbid: true } }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [], os: alpine('3.10.9') } }), want: [/^eol: Alpine Linux 3\.10 reached end of life on 2021-05-01, \d+ days ago$/] },
  {
    name: 'EOL OS inside the grace period warns',
    rules: { eol: { forbid: true, graceDays: 30 } },
    facts: facts('ghcr.io/acme/app:1', { eol: { state: 'eol', distro: 'Alpine Linux', cycle: '3.21', daysLeft: -10, release: { cycle: '3.21', released: '2024-12-05', eol: '2026-02-19' } } }),
    want: [],
    warnings: [/^eol: Alpine Linux 3\.21 reached end of life on 2026-02-19 \(10 days ago\); the 30-day grace period ends in 20 days$/],
  },
  {
    name: 'EOL OS past the grace period',
    rules: { eol: { forbid: true, graceDays: 30 } },
    facts: facts('ghcr.io/acme/app:1', { eol: { state: 'eol', distro: 'Alpine Linux', cycle: '3.21', daysLeft: -31, release: { cycle: '3.21', released: '2024-12-05', eol: '2026-01-29' } } }),
    want: ['eol: Alpine Linux 3.21 reached end of life on 2026-01-29, 31 days ago (grace 30 days)'],
  },
  { name: 'unknown OS warns by default', rules: { eol: { forbid: true } }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [] } }), want: [], warnings: [/^eol: OS end of life cannot be determined: no OS detected \(allowed\)$/] },
  { name: 'unknown OS fails with allowUnknown: false', rules: { eol: { forbid: true, allowUnknown: false } }, facts: facts('ghcr.io/acme/app:1', { inventory: { packages: [] } }), want: ['eol: OS end of life cannot be determined: no OS detected'] },
  { name: 'forbid: false is off', rules: { eol: { forbid: false } }, facts: facts('ghcr.io/acme/app:1'), want: [] },
];

describe('evaluatePolicy: every rule', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = evaluatePolicy(policy(c.rules), c.facts, { now: NOW });
      const got = summary(r);
      assert.equal(got.length, c.want.length, `violations: ${JSON.stringify(got, null, 1)}`);
      c.want.forEach((w, i) => (typeof w === 'string' ? assert.equal(got[i], w) : assert.match(got[i]!, w)));
      assert.equal(r.pass, c.want.length === 0);
      for (const w of c.warnings ?? []) assert.ok(r.warnings.some((x) => w.test(x)), `warning ${w} in ${JSON.stringify(r.warnings)}`);
    });
  }
});

describe('evaluatePolicy: exceptions', () => {
  const rules = { vulnerabilities: { maxSeverity: 'MEDIUM' }, requireDigest: true };
  const findings = [finding('CVE-2024-1111', 'HIGH', '1.1'), finding('CVE-2024-2222', 'CRITICAL', '1.1', 'zlib')];
  const base = { owner: 'platform@acme.example', reason: 'not reachable', expires: '2026-06-30' };
  const image = facts('ghcr.io/acme/app:1', { findings });

  const TABLE: { name: string; exceptions: object[]; applied: string[]; remaining: string[]; expired: number[] }[] = [
    {
      name: 'applies to one vulnerability ID',
      exceptions: [{ ...base, scope: { repositories: ['ghcr.io/acme/**'], rule: 'vulnerabilities', ids: ['CVE-2024-1111'] } }],
      applied: ['vulnerabilities CVE-2024-1111'],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'matches an alias and a package name (globs)',
      exceptions: [{ ...base, scope: { repositories: ['ghcr.io/acme/app'], rule: 'vulnerabilities', ids: ['GHSA-1111', 'zli*'] } }],
      applied: ['vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      remaining: ['requireDigest ghcr.io/acme/app:1'],
      expired: [],
    },
    {
      name: 'a whole rule for a repository',
      exceptions: [{ ...base, scope: { repositories: ['ghcr.io/acme/*'], rule: 'requireDigest' } }],
      applied: ['requireDigest ghcr.io/acme/app:1'],
      remaining: ['vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'expired: not applied, reported, and named on the violation',
      exceptions: [{ ...base, expires: '2026-02-28', scope: { repositories: ['ghcr.io/acme/**'], rule: 'vulnerabilities', ids: ['CVE-2024-1111'] } }],
      applied: [],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-1111 (expired #1)', 'vulnerabilities CVE-2024-2222'],
      expired: [0],
    },
    {
      name: 'expires today: still applies until the end of the day (UTC)',
      exceptions: [{ ...base, expires: '2026-03-01', scope: { repositories: ['**'], rule: 'requireDigest' } }],
      applied: ['requireDigest ghcr.io/acme/app:1'],
      remaining: ['vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'wrong repository',
      exceptions: [{ ...base, scope: { repositories: ['ghcr.io/other/**'], rule: 'vulnerabilities' } }],
      applied: [],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'wrong rule',
      exceptions: [{ ...base, scope: { repositories: ['**'], rule: 'bannedPackages', ids: ['CVE-2024-1111'] } }],
      applied: [],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'wrong ID',
      exceptions: [{ ...base, scope: { repositories: ['**'], rule: 'vulnerabilities', ids: ['CVE-1999-0001'] } }],
      applied: [],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
    {
      name: 'an expired exception for another repository is not reported',
      exceptions: [{ ...base, expires: '2020-01-01', scope: { repositories: ['ghcr.io/other/**'], rule: 'vulnerabilities' } }],
      applied: [],
      remaining: ['requireDigest ghcr.io/acme/app:1', 'vulnerabilities CVE-2024-1111', 'vulnerabilities CVE-2024-2222'],
      expired: [],
    },
  ];
  for (const c of TABLE) {
    it(c.name, () => {
      const r = evaluatePolicy(policy(rules, c.exceptions), image, { now: NOW });
      assert.deepEqual(r.exceptionsApplied.map((a) => `${a.rule} ${a.subject}`), c.applied);
      assert.deepEqual(r.violations.map((v) => `${v.rule} ${v.subject}${v.exception ? ` (expired #${v.exception.index + 1})` : ''}`), c.remaining);
      assert.deepEqual(r.expiredExceptions.map((e) => e.index), c.expired);
      assert.equal(r.pass, c.remaining.length === 0);
      if (c.expired.length) assert.ok(r.warnings.some((w) => /^exception #1 \(vulnerabilities, owner platform@acme\.example\) expired on 2026-02-28: no longer applied$/.test(w)), r.warnings.join('\n'));
    });
  }

  it('waived findings do not count against maxCounts', () => {
    const p = policy({ vulnerabilities: { maxCounts: { HIGH: 0 } } }, [{ ...base, scope: { repositories: ['**'], rule: 'vulnerabilities', ids: ['CVE-2024-1111'] } }]);
    const r = evaluatePolicy(p, facts('ghcr.io/acme/app:1', { findings: [finding('CVE-2024-1111', 'HIGH')] }), { now: NOW });
    assert.equal(r.pass, true);
    assert.equal(r.exceptionsApplied.length, 1);
  });

  it('warns about an exception expiring soon', () => {
    const p = policy({ requireDigest: true }, [{ ...base, expires: '2026-03-05', scope: { repositories: ['**'], rule: 'requireDigest' } }]);
    const r = evaluatePolicy(p, facts('ghcr.io/acme/app:1'), { now: NOW });
    assert.equal(r.pass, true);
    assert.deepEqual(r.warnings, ['exception #1 (requireDigest, owner platform@acme.example) expires on 2026-03-05, in 4 days']);
  });

  it('is pure: same input, same output, facts untouched', () => {
    const p = policy(rules);
    const f = facts('ghcr.io/acme/app:1', { findings });
    const snapshot = JSON.stringify(f);
    assert.deepEqual(evaluatePolicy(p, f, { now: NOW }), evaluatePolicy(p, f, { now: NOW }));
    assert.equal(JSON.stringify(f), snapshot);
  });

  it('lists the configured rules in order', () => {
    const r = evaluatePolicy(policy({ eol: { forbid: true }, allowedRepositories: ['**'], requireDigest: false }), facts(`ghcr.io/acme/app@${DIGEST}`, { inventory: { packages: [], os: alpine('3.22.1') } }), { now: NOW });
    assert.deepEqual(r.rulesEvaluated, ['allowedRepositories', 'eol']);
  });
});
