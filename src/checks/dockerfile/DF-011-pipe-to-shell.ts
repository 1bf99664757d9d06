/** DF-011: a download piped into a shell or interpreter (`curl … | sh`). */
import type { Check, CheckHit } from '../types.js';
import { argsOf, program } from './commands.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-011',
  slug: 'pipe-to-shell',
  target: 'dockerfile',
  title: 'Downloaded script piped into a shell',
  severity: 'HIGH',
  rationale:
    'Piping a download into a shell runs whatever the server (or anyone on the path, or whoever compromised the project) sends at build time, unreviewed and unverified, as the build user (often root). A truncated download can also run half a script. Covers `curl|wget … | sh/bash/python/…` (through tee and sudo too) and `sh -c "$(curl …)"` / `bash <(curl …)`.',
  remediation: 'Download to a file, verify a pinned checksum or signature, then run it: `curl -fsSLo install.sh <url> && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better, install from a package repository or COPY --from a pinned image.',
  references: { urls: ['https://docs.docker.com/build/building/best-practices/#using-pipes'] },
  examples: {
    bad: [
      { description: 'curl piped into bash', input: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash\n' },
      { description: 'wget to stdout into sh, through sudo', input: 'FROM debian:12\nRUN wget -qO- https://example.com/setup | sudo sh -s -- --yes\n' },
      { description: 'Command substitution', input: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n' },
    ],
    good: [{ description: 'Download, verify, then run', input: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/install.sh \\\n && echo "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8  /tmp/i.sh" | sha256sum -c - \\\n && sh /tmp/i.sh\n' }],
  },
};

const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https']);
const RUNNERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php', 'pwsh', 'source', '.']);
const SUBST = /(\$\(|<\(|`)\s*(curl|wget)\b/;

export const pipeToShell: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const ins of input.instructions) {
      const cmds = ins.commands ?? [];
      for (const [i, c] of cmds.entries()) {
        const prog = program(c);
        if (FETCHERS.has(prog) && c.sep === '|') {
          const runner = cmds.slice(i + 1).find((d) => d.pipeline === c.pipeline && RUNNERS.has(program(d)));
          if (runner) hits.push(hitAt(input, c.line, `${prog} output is piped into ${program(runner)}`));
        } else if (RUNNERS.has(prog) && argsOf(c).some((a) => SUBST.test(a))) {
          hits.push(hitAt(input, c.line, `${prog} runs a script downloaded by command substitution`));
        }
      }
    }
    return hits;
  },
};
