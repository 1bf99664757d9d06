/**
 * End to end: `bulwark policy validate|check` on images built with Bulwark's own writer, through the
 * real command-line program (in a child process), with no network. The vulnerability rule runs on a
 * small advisory set imported with `bulwark db import` into a temporary cache.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { makeImage, tempDir } from '../../test/helpers/fixtures.js';
import type { ImageSpec } from '../image/writer.js';

const HARNESS = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'policy-cli.ts');
/** tsx resolved from the repository: the CLI runs with a temp dir as its working directory */
const TSX = import.meta.resolve('tsx');

function bulwark(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, HARNESS, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const INSTALLED = [
  ['musl', '1.1.22-r3', 'MIT', 'musl'],
  ['openssh-server', '8.1_p1-r0', 'BSD', 'openssh'],
  ['busybox', '1.30.1-r2', 'GPL-2.0-only', 'busybox'],
]
  .map(([p, v, l, o]) => `P:${p}\nV:${v}\nA:x86_64\nL:${l}\no:${o}\n`)
  .join('\n');

/** Alpine 3.10 (end of life 2021-05-01) with openssh-server and a musl that the test advisory affects. */
const SPEC: ImageSpec = {
  layers: [
    {
      createdBy: 'ADD rootfs.tar /',
      files: [
        { path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.10.9\nPRETTY_NAME="Alpine Linux v3.10"\n' },
        { path: 'etc/alpine-release', content: '3.10.9\n' },
        { path: 'lib/apk/db/installed', content: INSTALLED },
      ],
    },
  ],
  config: { User: '1000', Cmd: ['/bin/sh'] },
};

const DIGEST = `sha256:${'c'.repeat(64)}`;
const HEAD = 'apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: ci}\n';

describe('bulwark policy (CLI, end to end)', () => {
  let dir = '';
  let cleanup = async (): Promise<void> => {};
  let image = '';
  let cache = '';
  const policyFile = (name: string, body: string): Promise<string> => writeFile(join(dir, name), HEAD + body).then(() => name);

  before(async () => {
    ({ dir, cleanup } = await tempDir('bulwark-policy-'));
    image = (await makeImage(dir, SPEC, { format: 'docker-archive', repoTag: 'ghcr.io/acme/app:1.0' })).path;
    cache = join(dir, 'cache');
  });
  after(() => cleanup());

  it('validate: a valid policy exits 0', async () => {
    const p = await policyFile('ok.yaml', 'rules:\n  requireDigest: true\n  checks: {mustPass: [IMG-001, no-such-check]}\n');
    const r = await bulwark(['policy', 'validate', p], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'ok.yaml: valid (rules: requireDigest, checks; 0 exceptions)\n');
    assert.match(r.stderr, /warning: rules\.checks\.mustPass: "no-such-check" names no known image check/);
  });

  it('validate: an invalid policy exits 2 with one line naming file, path and problem', async () => {
    const p = await policyFile('bad.yaml', 'rules:\n  vulnerabilities:\n    maxSeverity: SEVERE\n');
    const r = await bulwark(['policy', 'validate', p], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'bulwark: error: bad.yaml: rules.vulnerabilities.maxSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN (got "SEVERE")\n');
    assert.equal(r.stdout, '');
  });

  it('check: an invalid policy exits 2 before scanning', async () => {
    const r = await bulwark(['policy', 'check', image, '--policy', 'bad.yaml', '--cache-dir', cache, '-q'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bulwark: error: bad\.yaml: rules\.vulnerabilities\.maxSeverity: /);
  });

  const STRICT = 'rules:\n  allowedRepositories: [docker.io/library/*]\n  requireDigest: true\n  bannedPackages:\n    - name: openssh-server\n      reason: no SSH in containers\n  eol: {forbid: true}\n';

  it('check: registry, digest, banned package and EOL rules fail with every reason (no DB needed)', async () => {
    const p = await policyFile('strict.yaml', STRICT);
    const r = await bulwark(['policy', 'check', image, '--policy', p, '--cache-dir', cache, '-q'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Policy ci (strict.yaml) for ghcr.io/acme/app:1.0');
    assert.equal(lines[1], 'Rules: allowedRepositories, requireDigest, bannedPackages, eol; ran: inventory');
    assert.ok(lines.includes('  FAIL  allowedRepositories: ghcr.io/acme/app is not an allowed repository (allowed: docker.io/library/*)'), r.stdout);
    assert.ok(lines.includes('  FAIL  requireDigest: ghcr.io/acme/app:1.0 is not pinned by digest'), r.stdout);
    assert.ok(lines.includes('  FAIL  bannedPackages: banned package openssh-server 8.1_p1-r0 (apk at /lib/apk/db/installed, layer 1): no SSH in containers'), r.stdout);
    assert.ok(lines.some((l) => /^ {2}FAIL {2}eol: Alpine Linux 3\.10 reached end of life on 2021-05-01, \d+ days ago$/.test(l)), r.stdout);
    assert.equal(lines.at(-2), 'FAIL: 4 violations');
  });

  it('check: --format json, --exit-code and --reference', async () => {
    const r = await bulwark(['policy', 'check', image, '--policy', 'strict.yaml', '--cache-dir', cache, '-q', '-f', 'json', '--exit-code', '7', '--reference', `docker.io/library/app@${DIGEST}`], dir);
    assert.equal(r.code, 7, r.stderr);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; pass: boolean; image: { reference: string }; violations: { rule: string }[] };
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.pass, false);
    assert.equal(doc.image.reference, `docker.io/library/app@${DIGEST}`);
    assert.deepEqual(doc.violations.map((v) => v.rule), ['bannedPackages', 'eol'], 'the allowed, pinned reference passes the first two rules');
  });

  it('check: exceptions waive violations until they expire', async () => {
    const p = await policyFile(
      'waived.yaml',
      `${STRICT}exceptions:\n  - owner: platform@acme.example\n    reason: legacy debug image, removal tracked in ACME-42\n    expires: 2999-12-31\n    scope: {repositories: [ghcr.io/acme/**], rule: bannedPackages, ids: [openssh-*]}\n  - owner: platform@acme.example\n    reason: migration to 3.20 planned\n    expires: 2020-01-31\n    scope: {repositories: [ghcr.io/acme/**], rule: eol}\n`,
    );
    const r = await bulwark(['policy', 'check', image, '--policy', p, '--cache-dir', cache, '-q', '--reference', `ghcr.io/acme/app@${DIGEST}`, '-f', 'json'], dir);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout) as { violations: { rule: string; exception?: { index: number } }[]; exceptionsApplied: { rule: string; subject: string }[]; expiredExceptions: { index: number }[] };
    assert.deepEqual(doc.violations.map((v) => [v.rule, v.exception?.index]), [['allowedRepositories', undefined], ['eol', 1]]);
    assert.deepEqual(doc.exceptionsApplied.map((a) => [a.rule, a.subject]), [['bannedPackages', 'openssh-server@8.1_p1-r0']]);
    assert.deepEqual(doc.expiredExceptions.map((e) => e.index), [1]);
  });

  it('check: a passing image exits 0; a registry-only policy needs no scan', async () => {
    const p = await policyFile('pass.yaml', 'rules:\n  allowedRepositories: [ghcr.io/acme/*]\n');
    const r = await bulwark(['policy', 'check', image, '--policy', p, '--cache-dir', cache, '-q'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.split('\n').at(-2), 'PASS: no violations');
    const reg = await bulwark(['policy', 'check', 'ghcr.io/acme/app@' + DIGEST, '--policy', p, '--cache-dir', cache, '-q'], dir);
    assert.equal(reg.code, 0, reg.stdout + reg.stderr);
    assert.match(reg.stdout, /^Rules: allowedRepositories\n/m);
    assert.doesNotMatch(reg.stdout, /ran:/, 'no scan, no network');
  });

  it('check: --format sarif is valid SARIF 2.1.0', async () => {
    const r = await bulwark(['policy', 'check', image, '--policy', 'strict.yaml', '--cache-dir', cache, '-q', '-f', 'sarif', '-o', 'out.sarif'], dir);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const { $schema: _s, id: _id, ...schema } = JSON.parse(readFileSync(new URL('../../test/schemas/sarif-2.1.0.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.deepEqual(log.runs[0]!.results.map((x) => x.ruleId), ['policy/allowedRepositories', 'policy/requireDigest', 'policy/bannedPackages', 'policy/eol']);
    assert.equal(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'strict.yaml');
  });

  it('check: an archive without a name needs --reference', async () => {
    const unnamed = (await makeImage(dir, SPEC, { format: 'docker-archive' }, 'unnamed')).path;
    const r = await bulwark(['policy', 'check', unnamed, '--policy', 'pass.yaml', '--cache-dir', cache, '-q'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /has no image name: pass --reference <registry\/repository\[:tag\|@digest\]>/);
  });

  describe('vulnerability rule with an imported advisory set', () => {
    const record = (id: string, name: string, fixed: string, vector: string) => ({
      schema_version: '1.6.0',
      id,
      modified: '2024-01-01T00:00:00Z',
      summary: `${name} test issue`,
      severity: [{ type: 'CVSS_V3', score: vector }],
      affected: [{ package: { ecosystem: 'Alpine:v3.10', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    });
    const CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    const LOW = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';

    it('no database: exit 6, like the other scans', async () => {
      const p = await policyFile('vuln.yaml', 'rules:\n  vulnerabilities: {maxSeverity: MEDIUM}\n');
      const r = await bulwark(['policy', 'check', image, '--policy', p, '--cache-dir', join(dir, 'empty-cache'), '-q'], dir);
      assert.equal(r.code, 6, r.stderr);
      assert.match(r.stderr, /no advisory database/);
    });

    it('db import, then maxSeverity and maxCounts, then an exception', async () => {
      const src = join(dir, 'advisories.jsonl');
      await writeFile(src, [record('CVE-2099-1001', 'musl', '1.1.22-r4', CRIT), record('CVE-2099-1002', 'busybox', '1.30.1-r3', LOW)].map((x) => JSON.stringify(x)).join('\n') + '\n');
      const imp = await bulwark(['db', 'import', src, '--cache-dir', cache, '-q'], dir);
      assert.equal(imp.code, 0, imp.stderr);

      const r = await bulwark(['policy', 'check', image, '--policy', 'vuln.yaml', '--cache-dir', cache, '-q'], dir);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^ {2}FAIL {2}vulnerabilities: CVE-2099-1001 \(CRITICAL\) in musl 1\.1\.22-r3: fixed in 1\.1\.22-r4 — musl test issue \(above the maximum MEDIUM\)$/m);
      assert.doesNotMatch(r.stdout, /CVE-2099-1002/, 'LOW is within the limit');
      assert.match(r.stdout, /ran: inventory, vulnerabilities/);

      const counts = await policyFile('counts.yaml', 'rules:\n  vulnerabilities: {maxCounts: {LOW: 0}}\n');
      const c = await bulwark(['policy', 'check', image, '--policy', counts, '--cache-dir', cache, '-q', '-f', 'json'], dir);
      assert.equal(c.code, 1);
      assert.deepEqual((JSON.parse(c.stdout) as { violations: { message: string }[] }).violations.map((v) => v.message), ['1 LOW finding, at most 0 allowed']);

      const waived = await policyFile(
        'vuln-waived.yaml',
        'rules:\n  vulnerabilities: {maxSeverity: MEDIUM}\nexceptions:\n  - owner: sec@acme.example\n    reason: musl is patched by the base-image team\n    expires: 2999-01-01\n    scope: {repositories: [ghcr.io/acme/app], rule: vulnerabilities, ids: [CVE-2099-1001]}\n',
      );
      const w = await bulwark(['policy', 'check', image, '--policy', waived, '--cache-dir', cache, '-q'], dir);
      assert.equal(w.code, 0, w.stdout + w.stderr);
      assert.match(w.stdout, /WAIVED vulnerabilities: CVE-2099-1001 .*\n {8}by exception #1 \(owner sec@acme\.example, until 2999-01-01\): musl is patched by the base-image team/);
      assert.equal(w.stdout.split('\n').at(-2), 'PASS: no violations (1 waived by exceptions)');
    });
  });
});
