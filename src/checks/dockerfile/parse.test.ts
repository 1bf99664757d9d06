/** The Dockerfile model: stages, FROM parsing with ARG substitution, shell splitting. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile, parseImageRef } from './parse.js';

const parse = (t: string) => parseDockerfile(t, 'Dockerfile');
const argvs = (t: string) => parse(t).instructions.flatMap((i) => (i.commands ?? []).map((c) => `${c.line}:${c.argv.join(' ')}${c.sep ? ` ${c.sep}` : ''}`));

describe('parseDockerfile', () => {
  it('reads FROM image, tag, digest, alias, platform and ARG defaults', () => {
    const m = parse('ARG REG=ghcr.io\nARG TAG\nFROM --platform=$BUILDPLATFORM ${REG}/org/app:${TAG:-1.2} AS build\nFROM build\nFROM ${UNKNOWN}\nFROM localhost:5000/x@sha256:abc\n');
    const [a, b, c, d] = m.stages.map((s) => s.from);
    assert.deepEqual([a!.image, a!.name, a!.tag, a!.alias, a!.platform, a!.unresolved], ['ghcr.io/org/app:1.2', 'ghcr.io/org/app', '1.2', 'build', '$BUILDPLATFORM', false]);
    assert.equal(b!.parentStage, 0);
    assert.equal(c!.unresolved, true);
    assert.deepEqual([d!.name, d!.tag, d!.digest], ['localhost:5000/x', undefined, 'sha256:abc']);
    assert.equal(m.globalArgs.length, 2);
    assert.deepEqual(parseImageRef('node'), { name: 'node', digest: undefined });
  });

  it('splits RUN on && || ; | & and newlines, with quotes, redirections and continuations', () => {
    assert.deepEqual(argvs('FROM a\nRUN A=1 apt-get update && \\\n    apt-get install -y "x y" 2>&1 >/dev/null \\\n    # dropped comment\n    || echo \'a;b\' ; curl -s u | bash &\n'), [
      '2:apt-get update &&',
      '3:apt-get install -y x y ||',
      '5:echo a;b ;',
      '5:curl -s u |',
      '5:bash &',
    ]);
  });

  it('handles exec form, sh -c, heredocs, control flow and command substitution', () => {
    assert.deepEqual(argvs('FROM a\nRUN ["sh", "-c", "cd /x && make"]\n'), ['2:sh -c cd /x && make', '2:cd /x &&', '2:make']);
    assert.deepEqual(argvs('FROM a\nRUN <<EOF\nset -e\napk add x\nEOF\n'), ['3:set -e ;', '4:apk add x']);
    assert.deepEqual(argvs('FROM a\nRUN cat <<EOF > /etc/x\nsudo rm -rf /\nEOF\n'), ['2:cat']);
    assert.deepEqual(argvs('FROM a\nRUN if [ -f x ]; then apk add y; fi && echo $(date +%s) `id`\n'), ['2:[ -f x ] ;', '2:apk add y &&', '2:echo $(date +%s) `id`']);
  });

  it('does not split RUN under a non-POSIX SHELL, and tracks SHELL per stage', () => {
    const m = parse('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x | iex\nFROM debian:12\nRUN a | b\n');
    assert.equal(m.instructions[2]!.commands, undefined);
    assert.equal(m.instructions[4]!.commands!.length, 2);
  });

  it('honours the escape directive', () => {
    const m = parse('# escape=`\nFROM a\nRUN echo a `\n  && echo b\n');
    assert.deepEqual(m.instructions[1]!.commands!.map((c) => c.argv.join(' ')), ['echo a', 'echo b']);
  });
});
