/** DF-013: secrets in ENV or ARG (literal values and ARG defaults; ENV copying a build arg). */
import type { Check, CheckHit } from '../types.js';
import type { DockerfileCheckInput } from './input.js';
import { hitAt, type DockerfileMeta } from './rule.js';

const meta: DockerfileMeta = {
  id: 'DF-013',
  slug: 'secret-in-env-arg',
  target: 'dockerfile',
  title: 'Secret in ENV or ARG',
  severity: 'HIGH',
  rationale:
    'ENV values are stored in the image config and visible to anyone who can pull the image (`docker inspect`), ARG values in the build history, and both are committed with the Dockerfile. A name like PASSWORD, TOKEN, SECRET or API_KEY with a literal value (or ARG default) is a leaked credential; `ENV TOKEN=$TOKEN` copies a build argument into the image for good. Names that are not secrets (GPG_KEY fingerprints, *_FILE paths, ARG without a default) are not reported.',
  remediation:
    'Pass build-time secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npm_token …`) and runtime secrets through the orchestrator (Docker/Kubernetes secrets, environment at run time, or a `*_FILE` path). Rotate any credential that was committed.',
  references: { cis: '4.10', trivy: 'DS-0031', urls: ['https://docs.docker.com/build/building/secrets/'] },
  examples: {
    bad: [
      { description: 'Literal password in ENV', input: 'FROM postgres:16\nENV POSTGRES_PASSWORD=supersecret\n' },
      { description: 'ARG default and a build arg copied into ENV', input: 'FROM node:20\nARG NPM_TOKEN=npm_abc123\nENV GITHUB_TOKEN=${GITHUB_TOKEN}\n' },
    ],
    good: [
      { description: 'Secret mount, a *_FILE path and a public key fingerprint', input: 'FROM python:3.12\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\nENV DB_PASSWORD_FILE=/run/secrets/db\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token cat /run/secrets/npm_token > /dev/null\n' },
    ],
  },
};

const SECRET_NAME = /(^|[_.-])(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|SECRET[_-]?KEY|PRIVATE[_-]?KEY|AUTH[_-]?KEY|CREDENTIALS?)$|^(PASSWORD|SECRET|TOKEN|APIKEY|API_KEY)$/i;
const NOT_SECRET = /^(PWD|OLDPWD)$/i;
const ONLY_VARIABLE = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/;

/** True for a variable name that usually holds a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.test(name);
}

export const secretInEnvArg: Check<DockerfileCheckInput> = {
  meta,
  run(input) {
    const hits: CheckHit[] = [];
    for (const ins of input.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      for (const p of ins.properties ?? []) {
        if (!isSecretName(p.name) || p.value === null || p.value.trim() === '') continue;
        const redacted = `${ins.keyword} ${p.name}=****`;
        if (ONLY_VARIABLE.test(p.value.trim())) {
          if (ins.keyword === 'ENV') hits.push(hitAt(input, ins.line, `ENV ${p.name} copies ${p.value.trim()} into the image config`, `${ins.keyword} ${p.name}=${p.value.trim()}`));
        } else hits.push(hitAt(input, ins.line, `${ins.keyword} ${p.name} has a literal value`, redacted));
      }
    }
    return hits;
  },
};
