/** scanCompose end to end: lines, merge keys, suppressions, detection and hostile YAML. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { isComposePath, scanCompose } from './scan.js';

const ids = (yaml: string) => scanCompose(yaml, 'compose.yaml').findings.map((f) => `${f.checkId}@${f.location?.line}`);

describe('scanCompose', () => {
  it('reports each problem at its own line with the service named', () => {
    const yaml = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:80:80"\n      - "8443:443"\n    privileged: true\n';
    const r = scanCompose(yaml, 'deploy/compose.yaml');
    assert.deepEqual(ids(yaml), ['CMP-008@6', 'CMP-001@7']);
    assert.deepEqual(r.findings[0]!.location, { path: 'deploy/compose.yaml', line: 6, object: 'service web' });
  });

  it('resolves anchors and << merge keys', () => {
    const yaml = 'x-common: &common\n  privileged: true\n  cap_add: [SYS_ADMIN]\nservices:\n  a:\n    <<: *common\n    image: x:1\n  b:\n    <<: [*common]\n    privileged: false\n    image: y:1\n';
    assert.deepEqual(ids(yaml).sort(), ['CMP-001@2', 'CMP-002@3', 'CMP-002@3'].sort());
  });

  it('applies inline suppressions with a reason, and warns about one without', () => {
    const yaml = 'services:\n  ci:\n    image: runner:1\n    volumes:\n      # bulwark:ignore CMP-005 runner builds images\n      - /var/run/docker.sock:/var/run/docker.sock\n    network_mode: host # bulwark:ignore CMP-003\n';
    const r = scanCompose(yaml, 'compose.yaml');
    assert.deepEqual(r.suppressed.map((s) => s.finding.checkId), ['CMP-005']);
    assert.deepEqual(r.findings.map((f) => f.checkId), ['CMP-003']);
    assert.match(r.warnings[0]!, /compose\.yaml: line 7: suppression of CMP-003 has no reason/);
  });

  it('recognises compose file names', () => {
    for (const p of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'a/docker-compose.override.yml', 'compose.prod.yaml']) assert.ok(isComposePath(p), p);
    for (const p of ['deployment.yaml', 'composer.json', 'compose.json', '.github/workflows/ci.yml']) assert.ok(!isComposePath(p), p);
  });

  it('rejects YAML that is not a compose file with a USAGE error naming it', () => {
    for (const yaml of ['apiVersion: v1\nkind: Pod\n', '- a\n- b\n', 'services: [a]\n', '']) {
      assert.throws(() => scanCompose(yaml, 'k8s.yaml'), (e: unknown) => isBulwarkError(e, 'USAGE') && e.message.startsWith('k8s.yaml: not a compose file'));
    }
    assert.deepEqual(scanCompose('services:\n', 'compose.yaml').findings, []);
  });

  it('gives one-line MALFORMED_MANIFEST errors for bad, deep, huge and alias-bomb YAML, quickly', () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 0; i < 9; i++) bomb += `b${i}: &b${i} [${Array(9).fill(i ? `*b${i - 1}` : '*a').join(',')}]\n`;
    const serviceBomb = `${bomb}services:\n  s:\n    image: x:1\n    cap_add: *b8\n`;
    const cases = [
      'services:\n  a: [\n',
      `services:\n  a:\n    x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      `services:\n${'  '.repeat(1)}${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')}\n`,
      serviceBomb,
      `services:\n  a:\n    image: "${'x'.repeat(3 * 1024 * 1024)}"\n`,
    ];
    for (const yaml of cases) {
      const t = performance.now();
      assert.throws(() => scanCompose(yaml, 'evil.yaml'), (e: unknown) => isBulwarkError(e, 'MALFORMED_MANIFEST') && e.message.startsWith('evil.yaml: ') && !e.message.includes('\n'));
      assert.ok(performance.now() - t < 5_000, `took ${performance.now() - t} ms`);
    }
  });
});
