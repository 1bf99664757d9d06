import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeImage, tempDir } from '../../test/helpers/fixtures.js';
import { evaluatePolicy } from './evaluate.js';
import { gatherFacts, isRegistryTarget, policyNeeds, verifyRequirements } from './facts.js';
import { parsePolicy } from './load.js';
import { parseReference } from '../source/registry/reference.js';
import type { Policy } from './types.js';
import type { VerifyOptions, VerifyRequirements, VerifyResult } from './verify-types.js';

const PEM = '-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n';
const DIGEST = `sha256:${'d'.repeat(64)}`;

function policy(rules: object): Policy {
  return parsePolicy(JSON.stringify({ apiVersion: 'bulwark.dev/v1', kind: 'Policy', rules }), 'p.yaml', { readFile: () => PEM }).policy;
}

const SIGS = [
  { repositories: ['ghcr.io/acme/**'], keys: [{ path: 'cosign.pub' }] },
  { repositories: ['ghcr.io/other/**'], keyless: [{ issuer: 'https://accounts.google.com', subject: 'a@b.example' }] },
];
const ATTS = [{ repositories: ['ghcr.io/acme/**'], predicateTypes: ['slsaprovenance1'] }];

describe('policyNeeds: only what the rules need', () => {
  const TABLE: [string, object, string, { inventory: boolean; vulnerabilities: boolean; checks: boolean; verify: boolean }][] = [
    ['registry rules only', { allowedRepositories: ['**'], requireDigest: true }, 'ghcr.io/acme/app:1', { inventory: false, vulnerabilities: false, checks: false, verify: false }],
    ['vulnerabilities', { vulnerabilities: { maxSeverity: 'HIGH' } }, 'ghcr.io/acme/app:1', { inventory: true, vulnerabilities: true, checks: false, verify: false }],
    ['packages, licenses, EOL', { bannedPackages: [{ name: 'x' }], licenses: { banned: ['AGPL-*'] }, eol: { forbid: true } }, 'ghcr.io/acme/app:1', { inventory: true, vulnerabilities: false, checks: false, verify: false }],
    ['checks', { checks: { maxSeverity: 'HIGH' } }, 'ghcr.io/acme/app:1', { inventory: true, vulnerabilities: false, checks: true, verify: false }],
    ['signatures for this repository', { signatures: SIGS }, 'ghcr.io/acme/app:1', { inventory: false, vulnerabilities: false, checks: false, verify: true }],
    ['signatures for other repositories only', { signatures: [SIGS[0]] }, 'docker.io/library/alpine:3', { inventory: false, vulnerabilities: false, checks: false, verify: false }],
  ];
  for (const [name, rules, ref, want] of TABLE) it(name, () => assert.deepEqual(policyNeeds(policy(rules), parseReference(ref)), want));
});

describe('verifyRequirements', () => {
  it('one requirement per matching entry; attestations borrow the signers of matching signatures entries', () => {
    const reqs = verifyRequirements(policy({ signatures: SIGS, attestations: ATTS }), parseReference('ghcr.io/acme/app:1'));
    assert.deepEqual(reqs, {
      'signatures[0]': { keys: [PEM] },
      'attestations[0]': { keys: [PEM], attestations: [{ predicateType: 'slsaprovenance1' }], requireSignature: false },
    });
  });
});

describe('isRegistryTarget', () => {
  for (const [t, want] of [
    ['ghcr.io/acme/app:1', true],
    ['alpine', true],
    ['docker://alpine:3', true],
    ['registry:localhost:5000/app', true],
    ['./img.tar', false],
    ['img.tar.gz', false],
    ['oci:./layout', false],
  ] as const) it(`${t} → ${want}`, () => assert.equal(isRegistryTarget(t), want));
});

describe('gatherFacts', () => {
  let dir = '';
  let cleanup = async (): Promise<void> => {};
  let archive = '';
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    archive = (await makeImage(dir, { layers: [{ files: [{ path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.22.1\n' }] }], config: { User: '1000' } }, { format: 'docker-archive', repoTag: 'ghcr.io/acme/app:1.0' })).path;
  });
  after(() => cleanup());

  it('registry reference, registry rules only: no scan, no network', async () => {
    const g = await gatherFacts(`ghcr.io/acme/app@${DIGEST}`, policy({ allowedRepositories: ['ghcr.io/acme/*'], requireDigest: true }), { scan: { cacheDir: join(dir, 'c') } });
    assert.deepEqual(g.ran, []);
    assert.equal(g.facts.reference.digest, DIGEST);
    assert.equal(evaluatePolicy(policy({ allowedRepositories: ['ghcr.io/acme/*'], requireDigest: true }), g.facts).pass, true);
  });

  it('archive: the name comes from its repo tag; checks run; signatures go through the verifier once per entry', async () => {
    const calls: { ref: string; req: VerifyRequirements; opts: VerifyOptions }[] = [];
    const fake = async (ref: string, req: VerifyRequirements, opts: VerifyOptions): Promise<VerifyResult> => {
      calls.push({ ref, req, opts });
      return { digest: DIGEST, signatures: [{ kind: 'cosign-key', layout: 'referrers', ok: true }], attestations: [], ok: true, reasons: [], warnings: ['TUF refresh skipped'] };
    };
    const p = policy({ signatures: SIGS, attestations: ATTS, checks: { mustPass: ['IMG-001'] } });
    const g = await gatherFacts(archive, p, { scan: { cacheDir: join(dir, 'c') }, verifyImage: fake, verify: { offline: true }, now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(g.ran, ['inventory', 'checks', 'verify']);
    assert.equal(g.facts.reference.repository, 'acme/app');
    assert.deepEqual(calls.map((c) => [c.ref, Object.keys(c.req).sort(), c.opts.offline]), [
      ['ghcr.io/acme/app:1.0', ['keys'], true],
      ['ghcr.io/acme/app:1.0', ['attestations', 'keys', 'requireSignature'], true],
    ]);
    assert.ok(g.warnings.includes('signatures[0]: TUF refresh skipped'));
    const r = evaluatePolicy(p, g.facts);
    assert.deepEqual(r.violations.map((v) => v.message), ['no verified attestation of type slsaprovenance1 (attestations[0]): none found']);
  });

  it('an attestations entry without any signer is reported, not sent to the verifier', async () => {
    let called = 0;
    const fake = async (): Promise<VerifyResult> => {
      called++;
      return { digest: DIGEST, signatures: [], attestations: [], ok: false, reasons: [], warnings: [] };
    };
    const p = policy({ attestations: ATTS });
    const g = await gatherFacts(`ghcr.io/acme/app@${DIGEST}`, p, { verifyImage: fake });
    assert.equal(called, 0);
    assert.deepEqual(g.warnings, ['attestations[0]: no signers to verify the attestations with (give the entry keys or keyless, or add a signatures entry for ghcr.io/acme/app)']);
    assert.deepEqual(evaluatePolicy(p, g.facts).violations.map((v) => v.message), ['attestation verification did not run (attestations[0] requires slsaprovenance1)']);
  });
});
