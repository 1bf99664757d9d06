/** `bulwark config` and `bulwark host` through the CLI: detection, formats, suppression, exit codes. */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, tempDir } from '../helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostPID: true
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
`;

describe('bulwark config', () => {
  it('finds Kubernetes manifests in a directory and reports file, line and object', async () => {
    await mkdir(join(dir, 'k8s', 'node_modules'), { recursive: true });
    await writeFile(join(dir, 'k8s', 'pod.yaml'), POD);
    await writeFile(join(dir, 'k8s', 'node_modules', 'ignored.yaml'), POD);
    await writeFile(join(dir, 'k8s', 'values.yaml'), 'replicas: 3\n');
    const r = await runCli(['config', join(dir, 'k8s'), '--format', 'json', '-q']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { targets: string[]; configFindings: { checkId: string; location: { path: string; line: number; object?: string } }[] };
    assert.deepEqual(out.targets, [join(dir, 'k8s', 'pod.yaml')]);
    const priv = out.configFindings.find((f) => f.location.line === 11);
    assert.ok(priv, 'privileged: true reported on its line');
    assert.match(priv!.location.object ?? '', /Pod\/web/);
    assert.ok(out.configFindings.some((f) => f.location.line === 6), 'hostPID reported on its line');
  });

  it('inline suppression with a reason, and --exit-code', async () => {
    const file = join(dir, 'pod2.yaml');
    await writeFile(file, POD.replace('  hostPID: true', '  hostPID: true # bulwark:ignore K8S-* lab cluster only'));
    const r = await runCli(['config', file, '--format', 'json', '-q', '--exit-code', '3']);
    const out = JSON.parse(r.stdout) as { configFindings: { location: { line: number } }[]; suppressed: { reason: string }[] };
    assert.ok(out.suppressed.some((s) => s.reason === 'lab cluster only'));
    assert.ok(!out.configFindings.some((f) => f.location.line === 6));
    assert.equal(r.code, 3, 'other findings remain');
  });

  it('malformed YAML is a one-line error with exit 3', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: Pod\nspec: [\n');
    const r = await runCli(['config', file, '-q']);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /bad\.yaml/);
  });

  it('SARIF output validates structurally (rules and results line up)', async () => {
    const r = await runCli(['config', join(dir, 'k8s', 'pod.yaml'), '--format', 'sarif', '-q']);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[] };
    const run = log.runs[0]!;
    assert.ok(run.results.length > 0);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
  });
});

describe('bulwark config: Dockerfiles and compose files', () => {
  it('dispatches by file name and reports Hadolint-style findings with lines', async () => {
    const d = join(dir, 'proj');
    await mkdir(d, { recursive: true });
    await writeFile(join(d, 'Dockerfile'), 'FROM debian:latest\nRUN apt-get update\nRUN apt-get install curl\nEXPOSE 22\n');
    await writeFile(join(d, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    network_mode: host\n');
    const r = await runCli(['config', d, '--format', 'json', '-q']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { targets: string[]; configFindings: { checkId: string; location: { path: string; line: number } }[] };
    assert.equal(out.targets.length, 2);
    const df = out.configFindings.filter((f) => f.checkId.startsWith('DF-'));
    const cmp = out.configFindings.filter((f) => f.checkId.startsWith('CMP-'));
    assert.ok(df.some((f) => f.location.line === 1), 'FROM latest on line 1');
    assert.ok(df.some((f) => f.location.line === 4), 'EXPOSE 22 on line 4');
    assert.ok(cmp.some((f) => f.location.line === 4), 'privileged on line 4');
    assert.ok(cmp.some((f) => f.location.line === 5), 'network_mode host on line 5');
  });
});

describe('bulwark host', () => {
  it('reads daemon.json from a fixture root and reports CIS findings with file and line', async () => {
    const root = join(dir, 'hostroot');
    await mkdir(join(root, 'etc', 'docker'), { recursive: true });
    await writeFile(join(root, 'etc', 'docker', 'daemon.json'), JSON.stringify({ icc: true, 'insecure-registries': ['10.0.0.5:5000'] }, null, 2));
    const r = await runCli(['host', '--root', root, '--format', 'json', '-q']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { configFindings: { checkId: string; message: string; references: { cis?: string } }[] };
    assert.ok(out.configFindings.length > 0);
    assert.ok(out.configFindings.some((f) => /insecure/i.test(f.message)), 'insecure registry reported');
    assert.ok(out.configFindings.every((f) => f.checkId.startsWith('HOST-')));
  });

  it('a missing root is exit 3', async () => {
    const r = await runCli(['host', '--root', join(dir, 'nope'), '-q']);
    assert.equal(r.code, 3);
  });
});

describe('bulwark fs: config files inside the tree', () => {
  it('reports them in one report, records inline suppressions, and applies --severity to them', async () => {
    const d = join(dir, 'fsproj');
    await mkdir(d, { recursive: true });
    await writeFile(join(d, 'Dockerfile'), 'FROM debian:latest\n# bulwark:ignore DF-012 bastion image, SSH is the product\nEXPOSE 22\nUSER root\n');
    const cache = join(dir, 'fscache');
    const all = await runCli(['fs', d, '--scanners', 'config', '--format', 'json', '-q', '--cache-dir', cache]);
    assert.equal(all.code, 0, all.stderr);
    const out = JSON.parse(all.stdout) as { configFindings: { checkId: string; severity: string }[]; suppressed?: { kind: string; id: string; by: string; reason: string }[] };
    assert.ok(out.configFindings.some((f) => f.checkId === 'DF-001'), 'USER root reported');
    assert.ok(!out.configFindings.some((f) => f.checkId === 'DF-012'), 'EXPOSE 22 suppressed');
    assert.deepEqual(out.suppressed?.map((s) => [s.kind, s.id, s.by, s.reason]), [['config', 'DF-012', 'inline', 'bastion image, SSH is the product']]);
    const high = await runCli(['fs', d, '--scanners', 'config', '--format', 'json', '-q', '--cache-dir', cache, '--severity', 'HIGH']);
    const h = JSON.parse(high.stdout) as { configFindings: { severity: string }[] };
    assert.ok(h.configFindings.length > 0 && h.configFindings.every((f) => f.severity === 'HIGH'));
  });
});
