/** CMP-010: literal secrets in a service's environment. */
import { isSecretName } from '../dockerfile/DF-013-secret-in-env-arg.js';
import { fieldRule, type ComposeMeta } from './rule.js';

const meta: ComposeMeta = {
  id: 'CMP-010',
  slug: 'secret-in-environment',
  target: 'compose',
  title: 'Literal secret in environment',
  severity: 'HIGH',
  rationale: 'A password or token written into the compose file is committed with it, and is visible to anyone who can `docker inspect` the container. Interpolated values (`${DB_PASSWORD}`), empty values and `*_FILE` paths are not reported.',
  remediation: 'Use compose `secrets:` (mounted under /run/secrets, with `*_FILE` variables where the image supports them), or interpolate from an untracked .env file: `POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}`.',
  references: { cis: '4.10', urls: ['https://docs.docker.com/compose/how-tos/use-secrets/'] },
  examples: {
    bad: [
      { description: 'Map syntax', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n' },
      { description: 'List syntax', input: 'services:\n  app:\n    image: example/app:1\n    environment:\n      - API_TOKEN=tok_12345\n' },
    ],
    good: [{ description: 'Interpolated and file-based', input: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n' }],
  },
};

export const secretInEnvironment = fieldRule(meta, 'environment', (f) => {
  const pairs: { key: string; value: unknown; line: number }[] = f.entries ?? [];
  for (const it of f.items ?? []) {
    const s = String(it.value);
    const eq = s.indexOf('=');
    if (eq > 0) pairs.push({ key: s.slice(0, eq), value: s.slice(eq + 1), line: it.line });
  }
  const out: [number, string][] = [];
  for (const p of pairs) {
    const v = p.value === null || p.value === undefined ? '' : String(p.value).trim();
    if (isSecretName(p.key) && v !== '' && !/^\$\{?[A-Za-z_]/.test(v)) out.push([p.line, `${p.key} has a literal value in the compose file`]);
  }
  return out;
});
