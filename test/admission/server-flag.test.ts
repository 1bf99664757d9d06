/** `bulwark server --admission`: the webhook served by the monitoring server, baseline enforced by default. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot, tempDir } from '../helpers/fixtures.js';

describe('bulwark server --admission', () => {
  let child: ChildProcess;
  let url = '';
  let cleanup: () => Promise<void>;
  before(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    child = spawn(process.execPath, [join(repoRoot, 'bin', 'bulwark.js'), 'server', '--port', '0', '--cache-dir', t.dir, '--update-interval', '0', '--watch-interval', '0', '--admission', '--log-level', 'error'], {
      env: { ...process.env, BULWARK_ADMIN_TOKEN: `test-${Math.random().toString(36).slice(2)}-token-long-enough` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (\S+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });
  });
  after(async () => {
    child?.kill('SIGTERM');
    await cleanup?.();
  });

  it('denies a privileged Pod with the baseline reason, no token needed (the API server calls it)', async () => {
    const review = JSON.parse(readFileSync(join(repoRoot, 'test', 'admission', 'fixtures', 'pod-privileged.json'), 'utf8')) as { request: { uid: string } };
    const res = await fetch(`${url}/admission`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(review) });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { apiVersion: string; kind: string; response: { uid: string; allowed: boolean; status?: { message?: string } } };
    assert.equal(body.kind, 'AdmissionReview');
    assert.equal(body.response.uid, review.request.uid);
    assert.equal(body.response.allowed, false);
    assert.match(body.response.status?.message ?? '', /privileged/i);
  });
});
