/** DF-021: npm install of named packages without @version. */
import { argsOf, positionals, program } from './commands.js';
import { few } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-021',
  slug: 'npm-unpinned',
  target: 'dockerfile',
  title: 'npm install of packages without a version',
  severity: 'LOW',
  rationale: '`npm install -g pkg` (or `npm install pkg` outside package.json) resolves the newest release at build time: not reproducible, and exactly how compromised releases of popular packages reach images. `@latest`/`@next` are tags, not pins. Plain `npm install` / `npm ci` read the lock file and are not reported.',
  remediation: 'Pin the version (`npm install -g pnpm@9.12.1`), or add the tool to package.json and install with `npm ci`.',
  references: { hadolint: 'DL3016', urls: ['https://github.com/hadolint/hadolint/wiki/DL3016'] },
  examples: {
    bad: [{ description: 'Global install of a moving version', input: 'FROM node:20\nRUN npm install -g typescript pnpm@latest\n' }],
    good: [{ description: 'Pinned global tool, lock-file install', input: 'FROM node:20\nRUN npm install -g pnpm@9.12.1 && npm ci --omit=dev\n' }],
  },
};

const NPM_VALUED = ['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--tag'];

export const npmUnpinned = commandRule(meta, (cmd) => {
  if (program(cmd) !== 'npm') return undefined;
  const pos = positionals(argsOf(cmd), NPM_VALUED);
  if (!['install', 'i', 'add', 'isntall', 'in'].includes(pos[0] ?? '')) return undefined;
  const loose = pos.slice(1).filter((p) => {
    if (p.includes('$') || /^[./~]/.test(p) || p.includes('://') || p.includes(':') || /\.tgz$/.test(p)) return false;
    const at = p.lastIndexOf('@');
    if (at <= 0) return true;
    return /^(latest|next|beta|canary)$/.test(p.slice(at + 1));
  });
  return loose.length ? `npm install without a pinned version: ${few(loose)}` : undefined;
});
