/** DF-001: the final stage runs as root (last USER is root, or no USER at all). */
import type { Check } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { finalStage, hitAt, type DockerfileMeta } from './rule.js';
import { lastInherited } from './stages.js';

const meta: DockerfileMeta = {
  id: 'DF-001',
  slug: 'last-user-root',
  target: 'dockerfile',
  title: 'Final stage runs as root',
  severity: 'HIGH',
  rationale:
    'A container runs as the last USER of the final stage. When that is root (or no USER is set and the base image does not set one), a process compromise gives root in the container, and any escape or writable host mount gives root on the host.',
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage: `RUN useradd --system --uid 10001 app` then `USER 10001` (or `USER app`). Do root-only work before that USER line. Bases tagged `nonroot` are trusted to set a user.',
  references: { cis: '4.1', hadolint: 'DL3002', trivy: 'DS-0002', dockle: 'CIS-DI-0001', urls: ['https://github.com/hadolint/hadolint/wiki/DL3002'] },
  examples: {
    bad: [
      { description: 'Switches back to root at the end', input: 'FROM debian:12\nRUN useradd app\nUSER app\nRUN id\nUSER root\n' },
      { description: 'Never sets a user', input: 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/index.js"]\n' },
    ],
    good: [
      { description: 'Ends as an unprivileged user', input: 'FROM debian:12\nRUN useradd app\nUSER root\nRUN apt-get update\nUSER app\n' },
      { description: 'Only the build stage is root; the final stage inherits a user from its base', input: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n' },
    ],
  },
};

const ROOT = /^(root|0)(:.*)?$/;

export const lastUserRoot: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const stage = finalStage(input);
    const user = lastInherited(input, stage, 'USER');
    if (user) {
      const name = user.words[0] ?? '';
      return ROOT.test(name) ? [hitAt(input, user.line, `final stage runs as root (USER ${name})`)] : [];
    }
    let root = stage;
    while (root.from.parentStage !== undefined && root.from.parentStage !== root.index) root = input.stages[root.from.parentStage]!;
    if (root.from.unresolved || /nonroot|rootless/i.test(root.from.image)) return [];
    return [hitAt(input, stage.from.line, `final stage sets no USER, so it runs as the base image's user (root for ${root.from.image || 'this base'})`)];
  },
};
