/**
 * Golden outputs: the real images in ../shared/images scanned end to end (inventory + matching)
 * against all of ../shared/osv imported with `bulwark db import`. Volatile fields (createdAt, the
 * tool version) are redacted. Update after a deliberate change with:
 *   BULWARK_UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/golden
 * Owner of test/golden/*.golden.json: this file.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SHARED_SKIP, repoRoot, runCli, shared, sharedDir, tempDir } from '../helpers/fixtures.js';

const osvDir = shared('osv');
const images = shared('images');

const CASES: { name: string; image: string; args: string[] }[] = [
  { name: 'alpine-3.10', image: 'alpine-3.10.docker.tar.gz', args: ['--scanners', 'vuln'] },
  { name: 'alpine-3.11', image: 'alpine-3.11.docker.tar.gz', args: ['--scanners', 'vuln'] },
  { name: 'debian-bookworm-ssh', image: 'debian-bookworm-ssh.oci.tar', args: ['--scanners', 'vuln'] },
  { name: 'debian-bookworm-ssh-os-managed-upstream', image: 'debian-bookworm-ssh.oci.tar', args: ['--scanners', 'vuln', '--os-managed-upstream'] },
  // every scanner: vulnerabilities, image hardening (IMG-), secrets (redacted) and EOL status
  { name: 'debian-bookworm-ssh-all-scanners', image: 'debian-bookworm-ssh.oci.tar', args: [] },
  { name: 'alpine-3.10-all-scanners', image: 'alpine-3.10.docker.tar.gz', args: [] },
];

/** Keeps what the scan decided; drops what changes run to run (time, tool version, days until/since EOL, where ../shared is). */
function redact(report: Record<string, unknown>): Record<string, unknown> {
  const { createdAt: _c, generator: _g, ...rest } = report;
  const text = JSON.stringify(rest).split(sharedDir).join('<shared>').replace(/"daysLeft":-?\d+/g, '"daysLeft":"<redacted>"').replace(/\b\d+ days (ago|left|from now)\b/g, '<n> days $1');
  return { ...(JSON.parse(text) as Record<string, unknown>), createdAt: '<redacted>', generator: '<redacted>' };
}

describe('golden scans of the shared images', { skip: !(osvDir && images) && SHARED_SKIP }, () => {
  let cacheDir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    const t = await tempDir();
    ({ cleanup } = t);
    cacheDir = t.dir;
    const r = await runCli(['db', 'import', osvDir!, '--cache-dir', cacheDir, '-q']);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => cleanup?.());

  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runCli(['image', join(images!, c.image), '--format', 'json', '-q', '--cache-dir', cacheDir, ...c.args]);
      assert.equal(r.code, 0, r.stderr);
      const got = redact(JSON.parse(r.stdout) as Record<string, unknown>);
      const file = join(repoRoot, 'test', 'golden', `${c.name}.golden.json`);
      if (process.env.BULWARK_UPDATE_GOLDEN) writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
      assert.ok(existsSync(file), `missing ${file}: run with BULWARK_UPDATE_GOLDEN=1 and review it`);
      assert.deepEqual(got, JSON.parse(readFileSync(file, 'utf8')));
    });
  }

  it('--vex not_affected suppresses a finding: gone from the findings, kept as VEX analysis in CycloneDX and listed in JSON', async () => {
    const img = join(images!, 'debian-bookworm-ssh.oci.tar');
    const vex = join(cacheDir, 'vex.json');
    writeFileSync(vex, JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements: [{ vulnerability: { name: 'CVE-2023-32681' }, products: [{ '@id': 'pkg:pypi/requests' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }] }));
    const base = ['image', img, '-q', '--cache-dir', cacheDir, '--scanners', 'vuln', '--os-managed-upstream', '--vex', vex];
    const json = JSON.parse((await runCli([...base, '--format', 'json'])).stdout) as { findings: { id: string }[]; suppressed: Record<string, unknown>[] };
    assert.ok(!json.findings.some((f) => f.id === 'CVE-2023-32681'));
    assert.deepEqual(json.suppressed.map((x) => [x.kind, x.id, x.by]), [['vulnerability', 'CVE-2023-32681', 'vex']]);
    assert.equal('finding' in json.suppressed[0]!, false, 'the JSON report lists suppressions, not whole findings');
    const cdx = JSON.parse((await runCli([...base, '--format', 'cyclonedx'])).stdout) as { vulnerabilities: { id: string; analysis?: { state: string } }[] };
    assert.equal(cdx.vulnerabilities.find((v) => v.id === 'CVE-2023-32681')?.analysis?.state, 'not_affected');
    assert.ok(cdx.vulnerabilities.filter((v) => v.id !== 'CVE-2023-32681').every((v) => v.analysis === undefined));
  });

  it('--exit-code gates on remaining findings', async () => {
    const img = join(images!, 'debian-bookworm-ssh.oci.tar');
    const hit = await runCli(['image', img, '-q', '--cache-dir', cacheDir, '--scanners', 'vuln', '--os-managed-upstream', '--exit-code', '7', '--severity', 'HIGH']);
    assert.equal(hit.code, 7);
    const none = await runCli(['image', img, '-q', '--cache-dir', cacheDir, '--scanners', 'vuln', '--os-managed-upstream', '--exit-code', '7', '--severity', 'CRITICAL']);
    assert.equal(none.code, 0);
  });
});
