/**
 * Fake credentials in each supported format, generated at run time from random bytes so no token-shaped
 * literal is ever committed (push protection and other scanners never see one). For tests and examples only.
 */
import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const UPNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/** n random characters from `alphabet`. */
export function randomFrom(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** n random letters and digits. */
export function randomAlnum(n: number): string {
  return randomFrom(ALNUM, n);
}

/** A fresh set of fake credentials (one per built-in rule family). */
export function fakeTokens(): Record<string, string> {
  const pem = (kind: string): string =>
    [`-----BEGIN ${kind}PRIVATE KEY-----`, randomFrom(B64, 64), randomFrom(B64, 64), `-----END ${kind}PRIVATE KEY-----`].join('\n');
  return {
    awsAccessKeyId: 'AKIA' + randomFrom(B32, 16),
    awsSecretAccessKey: randomFrom(B64, 40),
    githubPat: 'ghp' + '_' + randomAlnum(36),
    githubOauth: 'gho' + '_' + randomAlnum(36),
    githubApp: 'ghs' + '_' + randomAlnum(36),
    githubRefresh: 'ghr' + '_' + randomAlnum(36),
    githubFineGrained: 'github' + '_pat_' + randomAlnum(22) + '_' + randomAlnum(59),
    gitlabPat: 'glpat' + '-' + randomFrom(B64URL, 20),
    slackToken: 'xoxb' + '-' + randomFrom(DIGITS, 12) + '-' + randomFrom(DIGITS, 13) + '-' + randomAlnum(24),
    slackWebhook: 'https://hooks.slack.com/services/T' + randomFrom(UPNUM, 10) + '/B' + randomFrom(UPNUM, 10) + '/' + randomAlnum(24),
    stripeLive: 'sk' + '_live_' + randomAlnum(32),
    stripeRestricted: 'rk' + '_live_' + randomAlnum(32),
    npmToken: 'npm' + '_' + randomAlnum(36),
    pypiToken: 'pypi-' + 'AgEIcHlwaS5vcmc' + randomFrom(B64URL, 80),
    jwt: 'eyJ' + randomFrom(B64URL, 20) + '.eyJ' + randomFrom(B64URL, 40) + '.' + randomFrom(B64URL, 43),
    azureStorageKey: randomFrom(B64, 86) + '==',
    azureClientSecret: randomAlnum(3) + randomFrom(DIGITS, 1) + 'Q~' + randomFrom(ALNUM + '_~.-', 34),
    azureSasSig: randomFrom(B64, 43) + '%3D',
    gcpKeyBody: 'MIIE' + randomFrom(B64, 60),
    rsaPem: pem('RSA '),
    opensshPem: pem('OPENSSH '),
    dockerAuth: Buffer.from(`user:${randomAlnum(20)}`).toString('base64'),
    password: randomAlnum(10) + '-' + randomAlnum(10),
  };
}
