/** DF-009: a package index update in a RUN with no install after it. */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { apkSubcommand, aptSubcommand } from './packages.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-009',
  slug: 'update-alone',
  target: 'dockerfile',
  title: 'Package index update without install in the same RUN',
  severity: 'MEDIUM',
  rationale:
    'The layer cache keeps a RUN that only updates the index: later builds reuse the old index while the install step below changes, so they install outdated (possibly vulnerable) versions or fail when those versions leave the mirror.',
  remediation: 'Update and install in one RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*` (or use `apk add --no-cache`).',
  references: { cis: '4.7', trivy: 'DS-0017', urls: ['https://docs.docker.com/build/building/best-practices/#apt-get'] },
  examples: {
    bad: [{ description: 'Update in its own RUN', input: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' }],
    good: [{ description: 'Update and install together', input: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl=8.9.1-r0\n' }],
  },
};

const INSTALLS: Record<string, Set<string>> = {
  apt: new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'source']),
  apk: new Set(['add', 'upgrade', 'fix']),
};

export const updateAlone: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const ins of input.instructions) {
      const cmds = ins.commands ?? [];
      for (const [i, c] of cmds.entries()) {
        const kind = aptSubcommand(c) === 'update' ? 'apt' : apkSubcommand(c) === 'update' ? 'apk' : undefined;
        if (!kind) continue;
        const later = cmds.slice(i + 1).some((d) => INSTALLS[kind]!.has((kind === 'apt' ? aptSubcommand(d) : apkSubcommand(d)) ?? ''));
        if (!later) hits.push(hitAt(input, c.line, `${c.argv.join(' ')} is not followed by an install in the same RUN`));
      }
    }
    return hits;
  },
};
