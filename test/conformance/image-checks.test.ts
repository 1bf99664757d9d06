/** Image checks on the real images in ../shared: what each must report, and for Alpine 3.10, nothing else. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanImage } from '../../src/app/inventory.js';
import { imageFilesAnalyzer } from '../../src/checks/image/files-analyzer.js';
import { buildImageCheckInput, type ImageCheckInput } from '../../src/checks/image/input.js';
import { imageChecks } from '../../src/checks/image/registry.js';
import { imageEfficiency } from '../../src/checks/image/waste.js';
import { runChecks } from '../../src/checks/run.js';
import type { ConfigFinding } from '../../src/checks/types.js';
import { SHARED_SKIP, shared, tempDir } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-24T00:00:00Z');

async function check(path: string): Promise<{ input: ImageCheckInput; findings: ConfigFinding[] }> {
  const { dir, cleanup } = await tempDir('bulwark-img-conf-');
  try {
    const scan = await scanImage(path, { extraAnalyzers: [imageFilesAnalyzer], noCache: true, cacheDir: dir });
    const input = buildImageCheckInput(scan, { reference: path, now: NOW });
    const { findings, warnings } = runChecks(imageChecks, input, path);
    assert.deepEqual(warnings, []);
    return { input, findings };
  } finally {
    await cleanup();
  }
}

const ids = (fs: ConfigFinding[]): string[] => [...new Set(fs.map((f) => f.checkId))].sort();

describe('image checks on debian-bookworm-ssh', () => {
  const path = shared('images/debian-bookworm-ssh.oci.tar');
  it('reports root, SSH installed and started, port 22, PermitRootLogin yes, waste incl. /usr/bin/wall, no HEALTHCHECK', { skip: path ? false : SHARED_SKIP }, async () => {
    const { input, findings } = await check(path!);
    const by = (id: string): ConfigFinding[] => findings.filter((f) => f.checkId === id);
    assert.equal(by('IMG-001').length, 1);
    assert.match(by('IMG-002')[0]!.message, /openssh-server/);
    assert.match(by('IMG-003')[0]!.message, /sshd/);
    assert.match(by('IMG-004')[0]!.message, /PermitRootLogin yes/);
    assert.equal(by('IMG-004')[0]!.location?.layer, 2, 'set by the last layer');
    assert.match(by('IMG-006')[0]!.message, /^Port 22\/tcp \(SSH\)/);
    assert.equal(by('IMG-012').length, 1);
    assert.equal(by('IMG-016').length, 1);
    const wall = imageEfficiency(input.layers).entries.find((e) => e.path === '/usr/bin/wall');
    assert.ok(wall?.deleted && wall.reclaimable > 0 && wall.layers.join() === '0,2', 'the whiteout of /usr/bin/wall counts as waste');
    assert.match(by('IMG-016')[0]!.evidence!, /\/usr\/bin\/wall: .* \(deleted; layers 1, 3\)/);
    // also true of this image: password logins (OpenSSH default), Debian's own setuid programs, shell and apt,
    // the planted /app/.env and the SSH host keys baked in by openssh-server's postinst
    assert.ok(by('IMG-005').length === 1);
    assert.ok(by('IMG-009').some((f) => f.location?.path === '/usr/bin/passwd'));
    assert.deepEqual(by('IMG-023').map((f) => f.location?.path).sort(), ['/app/.env', '/etc/ssh/ssh_host_ecdsa_key', '/etc/ssh/ssh_host_ed25519_key', '/etc/ssh/ssh_host_rsa_key']);
    assert.deepEqual(ids(findings), ['IMG-001', 'IMG-002', 'IMG-003', 'IMG-004', 'IMG-005', 'IMG-006', 'IMG-009', 'IMG-012', 'IMG-015', 'IMG-016', 'IMG-023']);
    for (const f of findings) assert.ok(!/BEGIN .*PRIVATE KEY|changeme/i.test(`${f.message} ${f.evidence ?? ''}`), 'no secret values in findings');
  });
});

describe('image checks on alpine-3.10', () => {
  const path = shared('images/alpine-3.10.docker.tar.gz');
  it('reports exactly root, EOL OS, no HEALTHCHECK and the INFO facts shell + apk', { skip: path ? false : SHARED_SKIP }, async () => {
    const { findings } = await check(path!);
    const got = findings.map((f) => `${f.checkId} ${f.severity} ${f.message}`).sort();
    assert.deepEqual(got, [
      'IMG-001 MEDIUM The container runs as root: no USER is set, so the container runs as root.',
      'IMG-012 LOW The image has no HEALTHCHECK.',
      'IMG-015 INFO Package manager present: /sbin/apk.',
      'IMG-015 INFO Shell present: /bin/sh.',
      'IMG-017 HIGH Alpine Linux 3.10 (last point release 3.10.9) reached end of life on 2021-05-01, 2033 days ago.',
    ]);
  });
});
