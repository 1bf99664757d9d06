/**
 * IMG-900: a secret in the image configuration (ENV, LABEL, CMD/ENTRYPOINT) or in the build history
 * (ARG values show up in RUN's created_by as `|1 TOKEN=… /bin/sh -c …`). The config is readable by anyone
 * who can pull the image, without unpacking a single layer. Same rules as the file scanner; output redacted.
 */
import { fakeTokens } from '../../secrets/fake-tokens.js';
import { redactIn } from '../../secrets/redact.js';
import { matchSecrets, type RawSecretHit } from '../../secrets/scanner.js';
import type { ImageSpec } from '../../image/writer.js';
import type { HistoryEntry, ImageConfig } from '../../source/types.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';

/** What IMG-900 reads; the image-check input satisfies it structurally. */
export interface SecretConfigInput {
  config: ImageConfig;
  history: HistoryEntry[];
}

/**
 * Returns `real` with a toJSON that shows `docs` when the docs generator renders it (yaml calls toJSON()
 * without a key) and the real value for JSON.stringify (the image writer passes a key). So example images
 * carry freshly generated fake tokens while the committed docs page stays stable and token-free.
 */
function shownInDocsAs<T extends object>(real: T, docs: unknown): T {
  const copy = Array.isArray(real) ? [...real] : { ...real };
  Object.defineProperty(real, 'toJSON', { value: (key?: string) => (key === undefined ? docs : copy), enumerable: false });
  return real;
}

const fake = fakeTokens();
const SHOWN = (prefix: string, n: number): string => `${prefix}<${n} random letters and digits>`;

const badEnv: ImageSpec = {
  layers: [{ files: [{ path: 'app/server.js', content: 'console.log("hi")\n' }], createdBy: 'COPY server.js /app/' }],
  config: {
    Env: shownInDocsAs(['PATH=/usr/local/bin:/usr/bin:/bin', `GITHUB_TOKEN=${fake.githubPat}`], ['PATH=/usr/local/bin:/usr/bin:/bin', `GITHUB_TOKEN=${SHOWN('ghp_', 36)}`]),
  },
};

const argLayers = [
  { files: [{ path: 'app/package.json', content: '{"name":"app"}\n' }], createdBy: 'COPY package.json /app/' },
  { files: [{ path: 'app/node_modules/.keep', content: '' }], createdBy: `|1 NPM_TOKEN=${fake.npmToken} /bin/sh -c npm ci` },
];
const badArg: ImageSpec = {
  layers: shownInDocsAs(argLayers, [argLayers[0], { ...argLayers[1], createdBy: `|1 NPM_TOKEN=${SHOWN('npm_', 36)} /bin/sh -c npm ci` }]),
  emptyHistory: ['/bin/sh -c #(nop)  ARG NPM_TOKEN'],
};

const badLabel: ImageSpec = {
  layers: [{ files: [{ path: 'etc/app.conf', content: 'port=8080\n' }] }],
  config: { Labels: shownInDocsAs({ 'com.example.db-password': fake.password }, { 'com.example.db-password': '<a random 21-character password>' }) },
};

const goodRuntime: ImageSpec = {
  layers: [{ files: [{ path: 'app/server.js', content: 'console.log("hi")\n' }], createdBy: 'COPY server.js /app/' }],
  config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'DB_PASSWORD_FILE=/run/secrets/db_password', 'GITHUB_TOKEN=${GITHUB_TOKEN}'], Labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' } },
};

const goodBuildSecret: ImageSpec = {
  layers: [
    { files: [{ path: 'app/package.json', content: '{"name":"app"}\n' }], createdBy: 'COPY package.json /app/' },
    { files: [{ path: 'app/node_modules/.keep', content: '' }], createdBy: 'RUN --mount=type=secret,id=npm,env=NPM_TOKEN /bin/sh -c npm ci # buildkit' },
  ],
};

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-900',
  slug: 'secret-in-config',
  target: 'image',
  title: 'Secret in ENV, labels or build history',
  severity: 'HIGH',
  rationale:
    'The image configuration (ENV, LABEL, CMD, ENTRYPOINT) and the build history travel with every copy of the image and are shown by `docker inspect` and `docker history` to anyone who can pull it, without unpacking a layer. A build argument (`ARG`) is recorded in the `created_by` of every RUN that uses it. A token there is leaked to every registry, cache and developer laptop that holds the image, and it cannot be removed without rebuilding.',
  remediation:
    'Revoke and rotate the credential first: it is already exposed. Then pass build-time secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci`) instead of `ARG`/`ENV`, and inject runtime secrets when the container starts (orchestrator secrets, a mounted file such as `/run/secrets/…`, or an environment variable set at `docker run`), never in the Dockerfile.',
  references: {
    cis: '4.10',
    dockle: 'CIS-DI-0010',
    trivy: 'secret scanning of the image config (--image-config-scanners secret)',
    urls: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/'],
  },
  examples: {
    bad: [
      { description: 'A GitHub token in ENV', input: badEnv },
      { description: 'An npm token passed as a build argument: it is recorded in the RUN layer\'s history', input: badArg },
      { description: 'A password in a label', input: badLabel },
    ],
    good: [
      { description: 'Runtime secrets are referenced, not embedded: a secret file path and a variable left to `docker run -e`', input: goodRuntime },
      { description: 'A build secret passed with a BuildKit secret mount leaves no value in the history', input: goodBuildSecret },
    ],
  },
};

interface Source {
  text: string;
  where: string;
  layer?: number;
  createdBy?: string;
}

function sources(input: SecretConfigInput): Source[] {
  const c = input.config.config ?? {};
  const out: Source[] = [];
  for (const e of c.Env ?? []) out.push({ text: e, where: `ENV ${e.split('=')[0]}` });
  for (const [k, v] of Object.entries(c.Labels ?? {})) out.push({ text: `${k}=${v}`, where: `LABEL ${k}` });
  if (c.Entrypoint?.length) out.push({ text: c.Entrypoint.join(' '), where: 'ENTRYPOINT' });
  if (c.Cmd?.length) out.push({ text: c.Cmd.join(' '), where: 'CMD' });
  let layer = 0;
  for (const h of input.history ?? []) {
    const idx = h.empty_layer ? undefined : layer++;
    if (h.created_by) out.push({ text: h.created_by, where: idx === undefined ? 'build history' : `build history of layer ${idx + 1}`, layer: idx, createdBy: h.created_by });
  }
  return out;
}

function describeHit(h: RawSecretHit, s: Source): string {
  const sev = h.rule.severity === 'CRITICAL' || h.rule.severity === 'HIGH' ? '' : ` (${h.rule.severity.toLowerCase()} confidence)`;
  return `${h.rule.title} in ${s.where}${sev}`;
}

function run(input: SecretConfigInput): CheckHit[] {
  const hits: CheckHit[] = [];
  const seen = new Set<string>(); // raw values, in memory only: ENV values also appear in the history
  for (const s of sources(input)) {
    const found = matchSecrets(s.text);
    const all = found.map((h) => h.secret); // every value found in this text is redacted in every excerpt of it
    for (const h of found) {
      if (seen.has(h.secret)) continue;
      seen.add(h.secret);
      const hit: CheckHit = { message: describeHit(h, s), evidence: redactIn(s.text, all) };
      if (s.layer !== undefined) hit.location = { layer: s.layer, layerCreatedBy: redactIn(s.createdBy ?? '', all, 80) };
      hits.push(hit);
    }
  }
  return hits;
}

/** IMG-900: secret in ENV, labels or build history. */
export const img900SecretInConfig: Check<SecretConfigInput> = { meta: meta as CheckMeta<unknown>, run };
