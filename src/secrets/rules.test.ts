/** Every built-in rule: a generated positive (reported, redacted) and a near-miss negative (not reported). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeTokens, randomAlnum } from './fake-tokens.js';
import { builtinRules } from './rules.js';
import { scanText } from './scanner.js';

const t = fakeTokens();

interface Case {
  rule: string;
  text: string;
  /** the raw secret, which must never appear in the output */
  secret: string;
  /** near-miss that must not be reported by this rule */
  miss: string;
}

const cases: Case[] = [
  { rule: 'private-key', text: t.rsaPem, secret: t.rsaPem.split('\n')[1]!, miss: 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\nFOOTER = "-----END RSA PRIVATE KEY-----"' },
  { rule: 'private-key', text: `key: |\n  ${t.opensshPem.replace(/\n/g, '\n  ')}`, secret: t.opensshPem.split('\n')[1]!, miss: '-----BEGIN PUBLIC KEY-----\n' + randomAlnum(64) },
  { rule: 'aws-access-key-id', text: `AWS_ACCESS_KEY_ID=${t.awsAccessKeyId}`, secret: t.awsAccessKeyId, miss: `id=AKIA${randomAlnum(4).toLowerCase()}${'1'.repeat(12)}` },
  { rule: 'aws-secret-access-key', text: `aws_secret_access_key = ${t.awsSecretAccessKey}`, secret: t.awsSecretAccessKey, miss: `aws_secret_access_key = ${t.awsSecretAccessKey.slice(0, 30)}` },
  {
    rule: 'gcp-service-account-key',
    text: `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${t.gcpKeyBody}\\n-----END PRIVATE KEY-----\\n"\n}`,
    secret: t.gcpKeyBody,
    miss: '{"private_key": ""}',
  },
  {
    rule: 'azure-storage-account-key',
    text: `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${t.azureStorageKey};EndpointSuffix=core.windows.net`,
    secret: t.azureStorageKey,
    miss: 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=' + randomAlnum(20) + ';',
  },
  {
    rule: 'azure-sas-token',
    text: `url=https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&sp=r&se=2030-01-01T00:00:00Z&sig=${t.azureSasSig}`,
    secret: t.azureSasSig,
    miss: `https://example.net/x?sig=${t.azureSasSig}`,
  },
  { rule: 'azure-client-secret', text: `client: ${t.azureClientSecret}`, secret: t.azureClientSecret, miss: `client: ${randomAlnum(3)}Q~${randomAlnum(10)}` },
  { rule: 'azure-client-secret-assignment', text: `AZURE_CLIENT_SECRET="${'s' + randomAlnum(35)}"`, secret: '', miss: 'AZURE_CLIENT_SECRET="${AZURE_CLIENT_SECRET}"' },
  { rule: 'github-pat', text: `GITHUB_TOKEN=${t.githubPat}`, secret: t.githubPat, miss: `GITHUB_TOKEN=ghp_${randomAlnum(20)}` },
  { rule: 'github-fine-grained-pat', text: `token: ${t.githubFineGrained}`, secret: t.githubFineGrained, miss: `github_pat_${randomAlnum(22)}` },
  { rule: 'github-oauth-token', text: `"${t.githubOauth}"`, secret: t.githubOauth, miss: `gho_${randomAlnum(37)}` },
  { rule: 'github-app-token', text: `x ${t.githubApp} y`, secret: t.githubApp, miss: `xghs_${randomAlnum(36)}` },
  { rule: 'github-refresh-token', text: `refresh=${t.githubRefresh}`, secret: t.githubRefresh, miss: `ghr_${randomAlnum(12)}` },
  { rule: 'gitlab-pat', text: `GITLAB_TOKEN=${t.gitlabPat}`, secret: t.gitlabPat, miss: 'glpat-short' },
  { rule: 'slack-token', text: `SLACK_BOT=${t.slackToken}`, secret: t.slackToken, miss: 'xoxb-not-a-real-token' },
  { rule: 'slack-webhook-url', text: `hook: ${t.slackWebhook}`, secret: t.slackWebhook.split('/services/')[1]!, miss: 'https://hooks.slack.com/services/' },
  { rule: 'stripe-live-key', text: `STRIPE=${t.stripeLive}`, secret: t.stripeLive, miss: `STRIPE=sk_test_${randomAlnum(32)}` },
  { rule: 'stripe-live-key', text: `STRIPE_R=${t.stripeRestricted}`, secret: t.stripeRestricted, miss: `rk_live_${randomAlnum(8)}` },
  { rule: 'npm-token', text: `//registry.npmjs.org/:_authToken=${t.npmToken}`, secret: t.npmToken, miss: `npm_${randomAlnum(20)}` },
  { rule: 'npmrc-auth', text: `//npm.example.org/:_authToken=${randomAlnum(12)}-${randomAlnum(24)}`, secret: '', miss: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' },
  { rule: 'pypi-upload-token', text: `password = ${t.pypiToken}`, secret: t.pypiToken, miss: `pypi-AgEIcHlwaS5vcmc${randomAlnum(10)}` },
  { rule: 'jwt', text: `Authorization: Bearer ${t.jwt}`, secret: t.jwt, miss: `eyJ${randomAlnum(20)}.${randomAlnum(20)}.${randomAlnum(20)}` },
  { rule: 'docker-config-auth', text: `{"auths": {"registry.io": {"auth": "${t.dockerAuth}"}}}`, secret: t.dockerAuth, miss: `{"auth": "${Buffer.from(randomAlnum(20)).toString('base64')}"}` },
  { rule: 'generic-secret-assignment', text: `DB_PASSWORD=${t.password}`, secret: t.password, miss: 'DB_PASSWORD=${DB_PASSWORD}' },
  { rule: 'generic-secret-assignment', text: `  api_key: "${t.password}"`, secret: t.password, miss: '  api_key: "changeme"' },
  { rule: 'generic-secret-assignment', text: `const secret = '${t.password}';`, secret: t.password, miss: 'const secret = process.env.SECRET_VALUE;' },
];

describe('built-in secret rules', () => {
  it('every rule has a positive case here', () => {
    const covered = new Set(cases.map((c) => c.rule));
    for (const r of builtinRules) assert.ok(covered.has(r.id), `no test case for ${r.id}`);
  });
  it('rule IDs are unique and kebab-case', () => {
    const ids = builtinRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  for (const c of cases) {
    it(`${c.rule}: reports a generated positive, redacted`, () => {
      const { findings } = scanText(c.text, '/app/config');
      const f = findings.find((x) => x.ruleId === c.rule);
      assert.ok(f, `expected ${c.rule}, got ${JSON.stringify(findings.map((x) => x.ruleId))}`);
      assert.equal(findings.length, 1, `one finding (overlaps resolved): ${JSON.stringify(findings)}`);
      assert.equal(f.line >= 1, true);
      if (c.secret) assert.ok(!JSON.stringify(findings).includes(c.secret), 'the raw secret never appears');
      assert.match(f.match, /\*\*\*\*$/);
    });
    it(`${c.rule}: ignores a near miss`, () => {
      const { findings } = scanText(c.miss, '/app/config');
      assert.deepEqual(findings.filter((x) => x.ruleId === c.rule), []);
    });
  }
});
