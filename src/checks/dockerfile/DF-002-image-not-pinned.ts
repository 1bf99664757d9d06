/** DF-002: FROM an image with no tag or with `latest`. */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-002',
  slug: 'image-not-pinned',
  target: 'dockerfile',
  title: 'Base image is untagged or uses latest',
  severity: 'MEDIUM',
  rationale:
    'An untagged image means `latest`, and `latest` moves: the same Dockerfile builds a different image tomorrow, can pull in a new major version, and cannot be audited or reproduced. ARG defaults are substituted first, so `FROM node:${TAG}` with `ARG TAG=latest` is caught; `scratch` and earlier stages are not images and are skipped.',
  remediation: 'Pin a version tag (`FROM node:20.11-bookworm-slim`), and for reproducible builds also a digest (`FROM node:20.11-bookworm-slim@sha256:…`).',
  references: { hadolint: 'DL3006, DL3007', trivy: 'DS-0001', urls: ['https://github.com/hadolint/hadolint/wiki/DL3006', 'https://github.com/hadolint/hadolint/wiki/DL3007'] },
  examples: {
    bad: [
      { description: 'Untagged base image', input: 'FROM ubuntu\nRUN echo hi\n' },
      { description: 'latest through an ARG default', input: 'ARG TAG=latest\nFROM python:${TAG}\n' },
    ],
    good: [
      { description: 'Tagged base, later stage built FROM an earlier stage, scratch', input: 'FROM golang:1.22 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n' },
      { description: 'latest pinned by digest', input: 'FROM alpine:latest@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n' },
    ],
  },
};

export const imageNotPinned: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const s of input.stages) {
      const f = s.from;
      if (f.scratch || f.parentStage !== undefined || f.unresolved || f.digest) continue;
      const shown = f.raw === f.image ? f.image : `${f.raw} (= ${f.image})`;
      if (!f.tag) hits.push(hitAt(input, f.line, `FROM ${shown} has no tag, so it means latest`));
      else if (f.tag.toLowerCase() === 'latest') hits.push(hitAt(input, f.line, `FROM ${shown} uses the moving latest tag`));
    }
    return hits;
  },
};
