/** scanDockerfile end to end: suppressions, paths, malformed and hostile input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { isDockerfilePath, scanDockerfile } from './scan.js';

const ids = (text: string) => scanDockerfile(text, 'Dockerfile').findings.map((f) => `${f.checkId}@${f.location?.line}`);

describe('scanDockerfile', () => {
  it('reports findings with file, line and resolved metadata', () => {
    const r = scanDockerfile('FROM ubuntu\nRUN sudo apt-get install curl\n', 'app/Dockerfile');
    const f = r.findings.find((x) => x.checkId === 'DF-003')!;
    assert.equal(f.source, 'app/Dockerfile');
    assert.deepEqual(f.location, { path: 'app/Dockerfile', line: 2 });
    assert.equal(f.severity, 'MEDIUM');
    assert.ok(ids('FROM ubuntu\n').includes('DF-002@1'));
  });

  it('applies an inline suppression with a reason to the next instruction', () => {
    const text = 'FROM debian:12\n# bulwark:ignore DF-003 vendor script needs it\nRUN sudo true\nRUN sudo false\n';
    const r = scanDockerfile(text, 'Dockerfile');
    assert.deepEqual(r.findings.filter((f) => f.checkId === 'DF-003').map((f) => f.location?.line), [4]);
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.suppressed[0]!.reason, 'vendor script needs it');
  });

  it('does not apply a suppression without a reason, and warns', () => {
    const r = scanDockerfile('FROM debian:12\nRUN sudo true # bulwark:ignore DF-003\n', 'Dockerfile');
    assert.ok(r.findings.some((f) => f.checkId === 'DF-003'));
    assert.match(r.warnings.join('\n'), /Dockerfile: line 2: suppression of DF-003 has no reason/);
  });

  it('applies file-wide suppressions and ignore-file rules', () => {
    const r = scanDockerfile('# bulwark:ignore-file DF-014 k8s probes\nFROM debian:12\n', 'Dockerfile', { ignoreRules: [{ id: 'DF-001', reason: 'base sets a user' }] });
    assert.ok(!r.findings.some((f) => f.checkId === 'DF-014' || f.checkId === 'DF-001'));
    assert.deepEqual(r.suppressed.map((s) => s.by).sort(), ['ignorefile', 'inline']);
  });

  it('recognises Dockerfile names', () => {
    for (const p of ['Dockerfile', 'a/b/Dockerfile.prod', 'Containerfile', 'api.Dockerfile', 'x/dev.dockerfile', 'dockerfile']) assert.ok(isDockerfilePath(p), p);
    for (const p of ['Dockerfile.md', 'compose.yaml', 'dockerfile-ast.js.map', 'README.md', 'Dockerfile.orig']) assert.ok(!isDockerfilePath(p), p);
  });

  it('gives a one-line MALFORMED_MANIFEST error naming the file for malformed input', () => {
    for (const [text, re] of [
      ['', /^bad\/Dockerfile: no FROM instruction/],
      ['RUN echo hi\n', /^bad\/Dockerfile:1: RUN before the first FROM/],
      ['FROM a\nRUNN echo\n', /^bad\/Dockerfile:2: unknown instruction "RUNN"/],
      ['FROM a\u0000\n', /not a text file/],
      [`FROM a\nRUN ${'x'.repeat(3 * 1024 * 1024)}\n`, /larger than 2 MiB/],
    ] as const) {
      assert.throws(() => scanDockerfile(text, 'bad/Dockerfile'), (e: unknown) => isBulwarkError(e, 'MALFORMED_MANIFEST') && re.test(e.message) && !e.message.includes('\n'));
    }
  });

  it('stays fast on hostile input (huge file, endless continuations, unbalanced quotes)', () => {
    const cases = [
      'FROM a\n' + 'RUN apt-get install -y x && echo "$(curl y | sh)" | tee z\n'.repeat(20_000),
      'FROM a\nRUN ' + 'a \\\n'.repeat(100_000) + 'b\n',
      'FROM a\nRUN "' + '\\"$('.repeat(200_000) + '\n',
      'FROM a\nRUN ' + "'".repeat(300_001) + '\n',
      'FROM a\nRUN <<EOF\n' + 'x | y\n'.repeat(100_000),
      'FROM a\n' + 'ONBUILD RUN sh -c "sh -c \\"sh -c x\\""\n'.repeat(10_000),
    ];
    for (const text of cases) {
      const t = performance.now();
      scanDockerfile(text, 'Dockerfile');
      assert.ok(performance.now() - t < 10_000, `took ${performance.now() - t} ms`);
    }
  });
});
