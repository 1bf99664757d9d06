/** DF-015: WORKDIR with a relative path. */
import { instructionRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-015',
  slug: 'relative-workdir',
  target: 'dockerfile',
  title: 'WORKDIR is a relative path',
  severity: 'LOW',
  rationale: 'A relative WORKDIR resolves against the previous one (often inherited from the base image), so the directory the build writes to and the container starts in silently changes when the base does.',
  remediation: 'Use an absolute path: `WORKDIR /app`. Variables (`WORKDIR $HOME/app`) are accepted.',
  references: { hadolint: 'DL3000', trivy: 'DS-0009', urls: ['https://github.com/hadolint/hadolint/wiki/DL3000'] },
  examples: {
    bad: [{ description: 'Relative WORKDIR', input: 'FROM node:20\nWORKDIR app\n' }],
    good: [{ description: 'Absolute, variable and quoted paths', input: 'FROM node:20\nWORKDIR /app\nWORKDIR ${HOME}/src\nWORKDIR "/srv/data"\n' }],
  },
};

export const relativeWorkdir = instructionRule(meta, ['WORKDIR'], (ins) => {
  const dir = ins.text.replace(/^["']|["']$/g, '');
  if (!dir || dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dir) || dir.startsWith('\\')) return undefined;
  return `WORKDIR ${dir} is relative`;
});
