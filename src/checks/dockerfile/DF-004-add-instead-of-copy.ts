/** DF-004: ADD of local files that are not archives (COPY does the same, without surprises). */
import type { DockerfileMeta } from './rule.js';
import { instructionRule } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-004',
  slug: 'add-instead-of-copy',
  target: 'dockerfile',
  title: 'ADD used where COPY would do',
  severity: 'LOW',
  rationale:
    'ADD has hidden behaviours: it extracts local tar archives and fetches URLs. For plain files and folders COPY is explicit and cannot unexpectedly unpack or download anything. Local archives (which ADD is meant to extract) and URLs (DF-005) are not reported here.',
  remediation: 'Replace `ADD src dest` with `COPY src dest`.',
  references: { cis: '4.9', hadolint: 'DL3020', trivy: 'DS-0005', urls: ['https://github.com/hadolint/hadolint/wiki/DL3020'] },
  examples: {
    bad: [{ description: 'ADD of a source folder', input: 'FROM node:20\nADD . /app\n' }],
    good: [{ description: 'COPY for files, ADD to extract a local archive', input: 'FROM node:20\nCOPY . /app\nADD rootfs.tar.gz /\n' }],
  },
};

export const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma)|tgz|tbz2?|txz|tzst)$/i;
export const REMOTE = /^(https?|ftp|git|ssh):\/\/|^git@|\.git(#.*)?$/i;

export const addInsteadOfCopy = instructionRule(meta, ['ADD'], (ins) => {
  const sources = ins.words.slice(0, -1).filter((w) => !w.startsWith('<<'));
  const local = sources.filter((s) => !REMOTE.test(s) && !ARCHIVE.test(s));
  return local.length ? `ADD ${local.join(' ')}: use COPY for local files and folders` : undefined;
});
