/**
 * Built-in secret rules, as data (trivy's builtin-rules table, gitleaks' rule set): one row per token format.
 *
 * Every regex must stay linear on hostile input: no nested quantifiers, every repetition bounded, and a
 * token-shaped rule starts with a negative lookbehind of its own body class, so a match attempt can only
 * begin where a run of token characters begins (a run is then scanned at most once). The scanner runs a
 * regex only on a capped window around a keyword hit, never on a whole file.
 */
import { genericAssignmentOk } from './allowlist.js';

export type SecretSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface SecretRule {
  /** stable kebab-case ID, e.g. "github-pat" */
  id: string;
  /** the provider or family: AWS, GitHub, Generic… */
  category: string;
  severity: SecretSeverity;
  title: string;
  /** runs on one window of one line; flags "g" (added by the scanner) and optionally "i" */
  regex: RegExp;
  /** cheap prefilter: the regex only runs near one of these (matched case-insensitively) */
  keywords: string[];
  /** named group holding the secret value (the part that is redacted and entropy-checked) */
  secretGroup: string;
  /** minimum Shannon entropy (bits per character) of the secret */
  entropy?: number;
  /** named group holding the variable name (assignment rules); the name is not secret and is reported */
  keyGroup?: string;
  /**
   * Tested against the text right after the match (rest of the line and the next lines), e.g. a PEM
   * header must be followed by base64 so a parser's `BEGIN … PRIVATE KEY` constant is not reported.
   */
  followedBy?: RegExp;
  /** the match is a marker, not the secret (the secret is on the next lines): show the marker */
  showMarker?: boolean;
  /** last word on a candidate secret (e.g. a docker auth must decode to user:password) */
  validate?: (secret: string, ctx: MatchContext) => boolean;
  /**
   * Low-confidence rule: not applied inside third-party code trees (node_modules, site-packages,
   * /usr/lib/python3*…), where such assignments are library code and documentation, not deployment config.
   */
  skipThirdParty?: boolean;
}

/** What a validate function sees besides the secret. */
export interface MatchContext {
  /** the variable name (keyGroup) */
  key?: string;
  /** the opening quote of the value (group "q"), when quoted */
  quote?: string;
  /** the assignment operator (group "sep"): = : := => */
  sep?: string;
  /** the rest of the line after the match */
  after: string;
  /** the file path, when known */
  path?: string;
}

const ASSIGN = String.raw`["']?\s{0,4}(?::=|=>|[:=])\s{0,4}["']?`;

function dockerAuthDecodes(secret: string): boolean {
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded);
}

/** The built-in rules, most specific first: when two rules match the same text, the earlier one wins. */
export const builtinRules: SecretRule[] = [
  {
    id: 'gcp-service-account-key',
    category: 'GCP',
    severity: 'CRITICAL',
    title: 'GCP service account private key (JSON key file)',
    regex: /"private_key"\s{0,4}:\s{0,4}"-----BEGIN[ A-Z]{0,20}PRIVATE KEY-----\\n(?<secret>[A-Za-z0-9+/]{32,64})/g,
    keywords: ['"private_key"'],
    secretGroup: 'secret',
  },
  {
    id: 'private-key',
    category: 'PrivateKey',
    severity: 'CRITICAL',
    title: 'Private key (PEM / OpenSSH / PGP)',
    regex: /(?<secret>-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----)/g,
    keywords: ['private key'],
    secretGroup: 'secret',
    // base64 body on the next line (or after a literal \n in JSON/env strings), or armor headers
    followedBy: /^(?:\\n|[ \t"',]*\r?\n(?:[ \t]*\r?\n)?[ \t]*)(?:[A-Za-z0-9+/]{20}|(?:Proc-Type|Version|Comment):)/,
    showMarker: true,
  },
  {
    id: 'aws-access-key-id',
    category: 'AWS',
    severity: 'CRITICAL',
    title: 'AWS access key ID',
    regex: /(?<![A-Za-z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    secretGroup: 'secret',
  },
  {
    id: 'aws-secret-access-key',
    category: 'AWS',
    severity: 'CRITICAL',
    title: 'AWS secret access key',
    regex: new RegExp(
      String.raw`(?<key>aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)` + ASSIGN + String.raw`(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'gi',
    ),
    keywords: ['aws_secret', 'aws-secret', 'awssecret', 'aws.secret', 'secret_access', 'secretaccess', 'secret-access', 'secret.access'],
    secretGroup: 'secret',
    keyGroup: 'key',
    entropy: 3.5,
  },
  {
    id: 'azure-storage-account-key',
    category: 'Azure',
    severity: 'CRITICAL',
    title: 'Azure storage account key (connection string)',
    regex: /AccountKey\s{0,2}=\s{0,2}(?<secret>[A-Za-z0-9+/]{86}==)/gi,
    keywords: ['accountkey'],
    secretGroup: 'secret',
  },
  {
    id: 'azure-sas-token',
    category: 'Azure',
    severity: 'HIGH',
    title: 'Azure shared access signature (SAS) token',
    regex: /(?<![A-Za-z0-9])sv=\d{4}-\d\d-\d\d&[^\s"'<>]{0,400}?(?<![A-Za-z0-9])sig=(?<secret>[A-Za-z0-9%+/]{40,100})/g,
    keywords: ['sig='],
    secretGroup: 'secret',
  },
  {
    id: 'azure-client-secret',
    category: 'Azure',
    severity: 'HIGH',
    title: 'Azure AD (Entra ID) client secret',
    regex: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
    keywords: ['q~'],
    secretGroup: 'secret',
    entropy: 3.5,
  },
  {
    id: 'azure-client-secret-assignment',
    category: 'Azure',
    severity: 'HIGH',
    title: 'Azure client secret assignment',
    regex: new RegExp(String.raw`(?<key>azure[_.-]?client[_.-]?secret)` + ASSIGN + String.raw`(?<secret>[A-Za-z0-9_~.\-]{30,64})(?![A-Za-z0-9_~.\-])`, 'gi'),
    keywords: ['azure_client_secret', 'azure-client-secret', 'azureclientsecret', 'azure.client.secret'],
    secretGroup: 'secret',
    keyGroup: 'key',
    entropy: 3.0,
  },
  {
    id: 'github-pat',
    category: 'GitHub',
    severity: 'CRITICAL',
    title: 'GitHub personal access token (classic)',
    regex: /(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    keywords: ['ghp_'],
    secretGroup: 'secret',
  },
  {
    id: 'github-fine-grained-pat',
    category: 'GitHub',
    severity: 'CRITICAL',
    title: 'GitHub fine-grained personal access token',
    regex: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
    keywords: ['github_pat_'],
    secretGroup: 'secret',
  },
  {
    id: 'github-oauth-token',
    category: 'GitHub',
    severity: 'CRITICAL',
    title: 'GitHub OAuth access token',
    regex: /(?<![A-Za-z0-9_])(?<secret>gho_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    keywords: ['gho_'],
    secretGroup: 'secret',
  },
  {
    id: 'github-app-token',
    category: 'GitHub',
    severity: 'CRITICAL',
    title: 'GitHub App user-to-server or server-to-server token',
    regex: /(?<![A-Za-z0-9_])(?<secret>gh[us]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    keywords: ['ghu_', 'ghs_'],
    secretGroup: 'secret',
  },
  {
    id: 'github-refresh-token',
    category: 'GitHub',
    severity: 'CRITICAL',
    title: 'GitHub refresh token',
    regex: /(?<![A-Za-z0-9_])(?<secret>ghr_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    keywords: ['ghr_'],
    secretGroup: 'secret',
  },
  {
    id: 'gitlab-pat',
    category: 'GitLab',
    severity: 'CRITICAL',
    title: 'GitLab personal access token',
    regex: /(?<![A-Za-z0-9_-])(?<secret>glpat-[A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])/g,
    keywords: ['glpat-'],
    secretGroup: 'secret',
  },
  {
    id: 'slack-token',
    category: 'Slack',
    severity: 'HIGH',
    title: 'Slack token',
    regex: /(?<![A-Za-z0-9-])(?<secret>xox[baprs]-[0-9]{8,14}-[A-Za-z0-9-]{10,200})(?![A-Za-z0-9-])/g,
    keywords: ['xoxb-', 'xoxa-', 'xoxp-', 'xoxr-', 'xoxs-'],
    secretGroup: 'secret',
  },
  {
    id: 'slack-webhook-url',
    category: 'Slack',
    severity: 'HIGH',
    title: 'Slack incoming webhook URL',
    regex: /hooks\.slack\.com\/services\/(?<secret>T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,30})(?![A-Za-z0-9])/g,
    keywords: ['hooks.slack.com'],
    secretGroup: 'secret',
  },
  {
    id: 'stripe-live-key',
    category: 'Stripe',
    severity: 'CRITICAL',
    title: 'Stripe live secret or restricted key',
    regex: /(?<![A-Za-z0-9_])(?<secret>[sr]k_live_[A-Za-z0-9]{24,99})(?![A-Za-z0-9_])/g,
    keywords: ['sk_live_', 'rk_live_'],
    secretGroup: 'secret',
  },
  {
    id: 'npm-token',
    category: 'npm',
    severity: 'CRITICAL',
    title: 'npm access token',
    regex: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
    keywords: ['npm_'],
    secretGroup: 'secret',
  },
  {
    id: 'npmrc-auth',
    category: 'npm',
    severity: 'HIGH',
    title: 'npm registry credential (_authToken / _auth / _password in .npmrc)',
    // .npmrc form only: at the start of the line or after the registry prefix "//host/path/:"
    regex: /(?:^|(?<=:))(?<key>_(?:authToken|auth|password))\s{0,4}=\s{0,4}["']?(?<secret>[A-Za-z0-9+/=_.:-]{16,600})(?![A-Za-z0-9+/=_.:-])/gi,
    keywords: ['_auth', '_password'],
    secretGroup: 'secret',
    keyGroup: 'key',
    entropy: 3.0,
  },
  {
    id: 'pypi-upload-token',
    category: 'PyPI',
    severity: 'CRITICAL',
    title: 'PyPI upload token',
    // the fixed part is base64 of the macaroon's location "pypi.org"
    regex: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g,
    keywords: ['pypi-ag'],
    secretGroup: 'secret',
  },
  {
    id: 'docker-config-auth',
    category: 'Docker',
    severity: 'HIGH',
    title: 'Registry credential in a Docker config.json "auths" entry',
    regex: /"auth"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})"/g,
    keywords: ['"auth"'],
    secretGroup: 'secret',
    validate: dockerAuthDecodes,
  },
  {
    id: 'jwt',
    category: 'JWT',
    severity: 'MEDIUM',
    title: 'JSON Web Token',
    regex: /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/g,
    keywords: ['eyj'],
    secretGroup: 'secret',
    // JWTs inside libraries are documentation and test vectors
    skipThirdParty: true,
  },
  {
    id: 'generic-secret-assignment',
    category: 'Generic',
    severity: 'MEDIUM',
    title: 'Hard-coded password, secret, token or API key',
    // the name must contain a keyword (checked in code); the value is checked for placeholders and entropy
    regex: /(?<![A-Za-z0-9_.-])(?<key>[A-Za-z_][A-Za-z0-9_.-]{0,60})["']?\s{0,4}(?<sep>:=|=>|[:=])\s{0,4}(?<q>["'`]?)(?<secret>[^\s"'`]{8,200})/g,
    keywords: ['password', 'passwd', 'passphrase', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key'],
    secretGroup: 'secret',
    keyGroup: 'key',
    entropy: 3.0,
    validate: genericAssignmentOk,
    skipThirdParty: true,
  },
];
