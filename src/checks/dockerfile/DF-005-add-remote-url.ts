/** DF-005: ADD from a URL without a checksum. */
import { REMOTE } from './DF-004-add-instead-of-copy.js';
import { instructionRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-005',
  slug: 'add-remote-url',
  target: 'dockerfile',
  title: 'ADD downloads from a URL without a checksum',
  severity: 'MEDIUM',
  rationale:
    'ADD <url> fetches whatever the server returns at build time, with no integrity check: a compromised or changed download lands in the image silently. BuildKit can verify it with `--checksum`; otherwise download in a RUN and verify a pinned hash.',
  remediation:
    'Add `--checksum=sha256:<hash>` (Dockerfile syntax 1.6+), or `RUN curl -fsSLo /tmp/x.tgz <url> && echo "<sha256>  /tmp/x.tgz" | sha256sum -c -`. For git sources pin a commit.',
  references: { cis: '4.9', urls: ['https://docs.docker.com/reference/dockerfile/#add---checksum'] },
  examples: {
    bad: [{ description: 'Remote ADD without verification', input: 'FROM debian:12\nADD https://example.com/tool.tar.gz /opt/\n' }],
    good: [{ description: 'Remote ADD with a checksum', input: 'FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n' }],
  },
};

export const addRemoteUrl = instructionRule(meta, ['ADD'], (ins) => {
  if (ins.flags['checksum']) return undefined;
  const urls = ins.words.slice(0, -1).filter((s) => REMOTE.test(s));
  return urls.length ? `ADD ${urls[0]} is downloaded without a checksum` : undefined;
});
