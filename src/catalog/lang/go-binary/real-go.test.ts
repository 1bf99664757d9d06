/** Optional: builds a real Go program with the local toolchain (skipped when `go` is absent). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { goBinaryCataloger } from './cataloger.js';
import { stdlibVersion } from './package.js';

const hasGo = spawnSync('go', ['version']).status === 0;

describe('a real Go binary', { skip: hasGo ? false : 'go toolchain not installed' }, () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    env = { ...process.env, HOME: dir, GOCACHE: join(dir, 'cache'), GOPATH: join(dir, 'gopath'), GOPROXY: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
    await writeFile(join(dir, 'go.mod'), 'module example.com/hello\n\ngo 1.18\n');
    await writeFile(join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nvar version = "dev"\n\nfunc main() { fmt.Println("hello", version) }\n');
  });
  after(() => cleanup());

  function build(out: string, ldflags: string): void {
    const r = spawnSync('go', ['build', '-o', out, `-ldflags=${ldflags}`, '.'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }

  for (const [label, ldflags] of [['unstripped', '-X main.version=1.2.3'], ['stripped', '-s -w -X main.version=1.2.3']] as const) {
    it(`reports stdlib and the main module of a ${label} binary`, async () => {
      const out = join(dir, `hello-${label}`);
      build(out, ldflags);
      const content = await readFile(out);
      const goVersion = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' }).stdout.trim();
      assert.equal(goBinaryCataloger.sniff!(out, content.subarray(0, 512)), true);
      const res = await goBinaryCataloger.analyze({ path: '/hello', size: content.length, mode: 0o755, content });
      const purls = res?.packages.map((p) => p.purl);
      assert.ok(purls?.includes(`pkg:golang/stdlib@${stdlibVersion(goVersion)}`), String(purls));
      const main = res!.packages.find((p) => p.metadata?.main);
      // Go < 1.24 stamps "(devel)" for the main module; the -X version flag supplies it
      assert.equal(main?.name, 'example.com/hello');
      assert.ok(main?.version === 'v1.2.3' || main?.metadata?.versionFrom === 'buildinfo', main?.version);
      assert.equal((main?.metadata?.buildSettings as Record<string, string>).CGO_ENABLED, '0');
    });
  }
});
