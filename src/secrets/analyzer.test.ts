/** End to end through the layer pipeline: per-layer findings, deleted files, the layer cache, fs scans, real data. */
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir, symlink, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { scanImage } from '../app/inventory.js';
import { makeImage, shared, SHARED_SKIP, tempDir } from '../../test/helpers/fixtures.js';
import { collectSecretFindings, secretsAnalyzer } from './analyzer.js';
import { fakeTokens } from './fake-tokens.js';
import { scanFsSecrets } from './fs-scan.js';

const t = fakeTokens();

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true, recursive: true })) if (d.isFile()) out.push(join(d.parentPath ?? d.path, d.name));
  return out;
}

describe('secrets analyzer', () => {
  it('reports a secret in a file a later layer deleted, with its layer, and never caches the raw value', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const img = await makeImage(
        dir,
        {
          layers: [
            { files: [{ path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }], createdBy: 'base' },
            {
              files: [
                { path: 'app/.env', content: `GITHUB_TOKEN=${t.githubPat}\n` },
                { path: 'app/keep.conf', content: `\n\nstripe=${t.stripeLive}\n` },
                { path: 'usr/local/bin/deploy.sh', mode: 0o755, content: `#!/bin/sh\n# deploy\nexport NPM_TOKEN=${t.npmToken}\n${'#'.repeat(80)}\n` },
                { path: 'usr/local/bin/tool', mode: 0o755, content: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.from(` ${t.githubOauth} `.repeat(4))]) },
                { path: 'app/tests/.env', content: `GITHUB_TOKEN=${t.githubPat}\n` },
              ],
              createdBy: 'COPY app /app',
            },
            { files: [{ path: 'app/.env', type: 'whiteout' }], createdBy: 'RUN rm /app/.env' },
          ],
        },
        { format: 'oci-archive' },
      );
      const cacheDir = join(dir, 'cache');
      const scan = await scanImage(img.path, { cacheDir, extraAnalyzers: [secretsAnalyzer] });
      const found = collectSecretFindings(scan);
      const summary = found.map((f) => [f.path, f.ruleId, f.line, f.layer, f.layerCreatedBy, f.deletedLater]);
      assert.deepEqual(
        summary.sort(),
        [
          ['/app/.env', 'github-pat', 1, 1, 'COPY app /app', true],
          ['/app/keep.conf', 'stripe-live-key', 3, 1, 'COPY app /app', false],
          ['/usr/local/bin/deploy.sh', 'npm-token', 3, 1, 'COPY app /app', false],
        ].sort(),
      );
      assert.equal(found.find((f) => f.ruleId === 'github-pat')!.match, 'ghp_****');
      const raw = [t.githubPat, t.stripeLive, t.npmToken];
      assert.ok(!raw.some((s) => JSON.stringify(found).includes(s)));
      // the layer cache holds only redacted findings
      const cached = await listFiles(cacheDir);
      assert.ok(cached.some((f) => f.endsWith('.bin.gz')), 'layers were cached');
      for (const f of cached.filter((x) => x.endsWith('.bin.gz'))) {
        const json = gunzipSync(await readFile(f)).toString('utf8');
        for (const s of raw) assert.ok(!json.includes(s), `raw secret in cache ${f}`);
      }
      // a second scan from the cache reports the same
      const again = collectSecretFindings(await scanImage(img.path, { cacheDir, extraAnalyzers: [secretsAnalyzer] }));
      assert.deepEqual(again, found);
    } finally {
      await cleanup();
    }
  });

  it('scanFsSecrets walks a directory without following symlinks', async () => {
    const { dir, cleanup } = await tempDir();
    const { dir: outside, cleanup: cleanOutside } = await tempDir();
    try {
      await mkdir(join(dir, 'app'), { recursive: true });
      await writeFile(join(dir, 'app', 'settings.yml'), `db:\n  password: "${t.password}"\n`);
      await writeFile(join(outside, 'secret.env'), `GITHUB_TOKEN=${t.githubPat}\n`);
      await symlink(join(outside, 'secret.env'), join(dir, 'app', 'link.env'));
      await symlink(outside, join(dir, 'linkdir'));
      await writeFile(join(dir, 'app', 'run.sh'), `#!/bin/sh\nAWS_ACCESS_KEY_ID=${t.awsAccessKeyId} ./run\n`);
      await chmod(join(dir, 'app', 'run.sh'), 0o755);
      const r = await scanFsSecrets(dir);
      assert.deepEqual(r.findings.map((f) => [f.path, f.ruleId, f.line, f.key ?? '']).sort(), [
        ['/app/run.sh', 'aws-access-key-id', 2, ''],
        ['/app/settings.yml', 'generic-secret-assignment', 2, 'password'],
      ]);
      assert.ok(r.findings.every((f) => f.layer === undefined && f.deletedLater === undefined));
    } finally {
      await cleanup();
      await cleanOutside();
    }
  });

  it('acceptance: debian-bookworm-ssh reports the planted /app/.env credentials, redacted, in the third layer', async (ctx) => {
    const image = shared('images/debian-bookworm-ssh.oci.tar');
    if (!image) return ctx.skip(SHARED_SKIP);
    const { dir, cleanup } = await tempDir();
    try {
      const start = performance.now();
      const scan = await scanImage(image, { cacheDir: join(dir, 'cache'), noCache: true, extraAnalyzers: [secretsAnalyzer] });
      const ms = performance.now() - start;
      const found = collectSecretFindings(scan);
      for (const f of found) console.log(`  ${f.severity} ${f.ruleId} ${f.path}:${f.line} layer ${f.layer} ${f.match}${f.key ? ` (${f.key})` : ''}${f.deletedLater ? ' deleted later' : ''}`);
      console.log(`  scan with secrets: ${ms.toFixed(0)} ms`);
      const env = found.filter((f) => f.path === '/app/.env');
      assert.deepEqual(env.map((f) => [f.ruleId, f.line, f.layer, f.deletedLater]), [
        ['aws-access-key-id', 1, 2, false],
        ['aws-secret-access-key', 2, 2, false],
        ['github-pat', 3, 2, false],
      ]);
      for (const f of env) assert.match(f.match, /^.{0,4}\*\*\*\*$/);
      assert.equal(env[0]!.match, 'AKIA****');
      assert.equal(env[2]!.match, 'ghp_****');
      assert.equal(env[1]!.key, 'AWS_SECRET_ACCESS_KEY');
      // besides the planted file, only the SSH host keys openssh-server generated at install time (layer 2,
      // index 1): real private keys every container of this image shares. Nothing else (false-positive budget).
      assert.deepEqual(
        found.filter((f) => f.path !== '/app/.env').map((f) => [f.path, f.ruleId, f.layer]),
        ['ecdsa', 'ed25519', 'rsa'].map((k) => [`/etc/ssh/ssh_host_${k}_key`, 'private-key', 1]),
      );
    } finally {
      await cleanup();
    }
  });
});
