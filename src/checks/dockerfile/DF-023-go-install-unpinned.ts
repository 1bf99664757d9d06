/** DF-023: go install without @version (or with @latest). */
import { argsOf, positionals, program } from './commands.js';
import { few } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-023',
  slug: 'go-install-unpinned',
  target: 'dockerfile',
  title: 'go install without a pinned version',
  severity: 'LOW',
  rationale: '`go install pkg@latest` fetches whatever the module proxy resolves at build time; pinning a version makes the tool reproducible and reviewable (the checksum database then verifies it). Local packages (`./cmd/app`) are not reported.',
  remediation: 'Pin a version: `go install golang.org/x/tools/gopls@v0.16.2`.',
  references: { hadolint: 'DL3062', urls: ['https://github.com/hadolint/hadolint/wiki/DL3062'] },
  examples: {
    bad: [{ description: 'latest', input: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n' }],
    good: [{ description: 'Pinned remote tool and a local package', input: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1 && go install ./cmd/app\n' }],
  },
};

export const goInstallUnpinned = commandRule(meta, (cmd) => {
  if (program(cmd) !== 'go') return undefined;
  const pos = positionals(argsOf(cmd), ['-o', '-tags', '-ldflags', '-gcflags', '-mod', '-modfile', '-p']);
  if (pos[0] !== 'install') return undefined;
  const loose = pos.slice(1).filter((p) => !/^[./]/.test(p) && !p.includes('$') && (!p.includes('@') || /@(latest|master|main|HEAD)$/.test(p)));
  return loose.length ? `go install without a pinned version: ${few(loose)}` : undefined;
});
