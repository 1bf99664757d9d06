/** DF-022: gem install without a version. */
import { argsOf, hasOption, positionals, program } from './commands.js';
import { few } from './packages.js';
import { commandRule, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-022',
  slug: 'gem-unpinned',
  target: 'dockerfile',
  title: 'gem install without a version',
  severity: 'LOW',
  rationale: '`gem install name` installs the newest release at build time, so builds are not reproducible and a compromised release lands silently.',
  remediation: 'Pin it: `gem install bundler -v 2.5.22` or `gem install bundler:2.5.22`; install application gems from Gemfile.lock with `bundle install`.',
  references: { hadolint: 'DL3028', urls: ['https://github.com/hadolint/hadolint/wiki/DL3028'] },
  examples: {
    bad: [{ description: 'Unpinned gem', input: 'FROM ruby:3.3\nRUN gem install rails\n' }],
    good: [{ description: 'Pinned gems', input: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.22 && gem install rake:13.2.1\n' }],
  },
};

const GEM_VALUED = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform', '-P', '--trust-policy'];

export const gemUnpinned = commandRule(meta, (cmd) => {
  if (program(cmd) !== 'gem') return undefined;
  const args = argsOf(cmd);
  const pos = positionals(args, GEM_VALUED);
  if (pos[0] !== 'install' && pos[0] !== 'i') return undefined;
  if (hasOption(args, ['v'], ['--version'])) return undefined;
  const loose = pos.slice(1).filter((p) => !p.includes(':') && !p.includes('$') && !p.endsWith('.gem'));
  return loose.length ? `gem install without a version: ${few(loose)}` : undefined;
});
