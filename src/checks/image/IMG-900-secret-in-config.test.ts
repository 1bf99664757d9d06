/** IMG-900 on its examples (built with the image writer, config read back) and on tricky config values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify as toYaml } from 'yaml';
import { makeImage, tempDir } from '../../../test/helpers/fixtures.js';
import type { ImageSpec } from '../../image/writer.js';
import { fakeTokens } from '../../secrets/fake-tokens.js';
import type { ImageConfig } from '../../source/types.js';
import { img900SecretInConfig, type SecretConfigInput } from './IMG-900-secret-in-config.js';

const t = fakeTokens();

async function inputOf(spec: ImageSpec): Promise<SecretConfigInput> {
  const { dir, cleanup } = await tempDir();
  try {
    const img = await makeImage(dir, spec, { format: 'oci-layout' });
    const config = JSON.parse(img.config.toString('utf8')) as ImageConfig;
    return { config, history: config.history ?? [] };
  } finally {
    await cleanup();
  }
}

function configInput(c: ImageConfig['config'], createdBy: string[] = []): SecretConfigInput {
  return { config: { config: c }, history: createdBy.map((x) => ({ created_by: x })) };
}

describe('IMG-900 secret in ENV, labels or build history', () => {
  const { examples } = img900SecretInConfig.meta;
  for (const ex of examples.bad) {
    it(`bad: ${ex.description}`, async () => {
      const hits = img900SecretInConfig.run(await inputOf(ex.input as ImageSpec));
      assert.ok(hits.length >= 1, 'hits');
      for (const h of hits) assert.match(h.evidence ?? '', /\*\*\*\*/);
    });
  }
  for (const ex of examples.good) {
    it(`good: ${ex.description}`, async () => {
      assert.deepEqual(img900SecretInConfig.run(await inputOf(ex.input as ImageSpec)), []);
    });
  }

  it('docs render placeholders, never the generated tokens', () => {
    const docs = toYaml(examples.bad.map((e) => e.input));
    assert.match(docs, /ghp_<36 random letters and digits>/);
    assert.doesNotMatch(docs, /ghp_[A-Za-z0-9]{36}/);
    assert.doesNotMatch(docs, /npm_[A-Za-z0-9]{36}/);
  });

  it('reports an ARG value in the history with its layer, redacted everywhere', () => {
    const createdBy = `|2 NPM_TOKEN=${t.npmToken} DB_PASSWORD=${t.password} /bin/sh -c npm ci`;
    const input = { config: { config: { Env: [`GITHUB_TOKEN=${t.githubPat}`] } }, history: [{ created_by: 'ARG NPM_TOKEN', empty_layer: true }, { created_by: 'COPY . /app' }, { created_by: createdBy }, { created_by: `/bin/sh -c #(nop)  ENV GITHUB_TOKEN=${t.githubPat}`, empty_layer: true }] };
    const hits = img900SecretInConfig.run(input);
    assert.deepEqual(
      hits.map((h) => [h.message, h.location?.layer]),
      [
        ['GitHub personal access token (classic) in ENV GITHUB_TOKEN', undefined],
        ['npm access token in build history of layer 2', 1],
        ['Hard-coded password, secret, token or API key in build history of layer 2 (medium confidence)', 1],
      ],
    );
    const out = JSON.stringify(hits);
    for (const s of [t.npmToken, t.password, t.githubPat]) assert.ok(!out.includes(s), 'raw secret in output');
    assert.equal(hits[1]!.evidence, `|2 NPM_TOKEN=npm_**** DB_PASSWORD=${t.password.slice(0, 4)}**** /bin/sh -c npm ci`);
  });

  it('scans labels, CMD and ENTRYPOINT, and ignores references and placeholders', () => {
    const hits = img900SecretInConfig.run(configInput({ Labels: { 'ci.token': t.gitlabPat }, Cmd: ['app', `--api-key=${t.stripeLive}`] }));
    assert.deepEqual(hits.map((h) => h.message), ['GitLab personal access token in LABEL ci.token', 'Stripe live secret or restricted key in CMD']);
    assert.deepEqual(img900SecretInConfig.run(configInput({ Env: ['PASSWORD=${PASSWORD}', 'API_TOKEN=changeme', 'TOKEN_FILE=/run/secrets/token', 'PATH=/usr/bin'] }, ['/bin/sh -c #(nop)  ARG TOKEN'])), []);
  });
});
