/**
 * Collects the small files the image checks read (sshd, account, sudo and inetd configuration) and,
 * for credential-bearing files, only facts about them: which accounts have an empty password, whether
 * an .npmrc holds a token. Outputs are cached on disk with the layer, so secrets must never be kept.
 */
import { posix } from 'node:path';
import type { AnalyzerFile, LayerAnalyzer } from '../../layer/types.js';

/** What the analyzer keeps for one file: its text (non-secret config) or facts (credential files). */
export type ImageFileData =
  | { kind: 'text'; text: string }
  | { kind: 'shadow'; emptyPassword: string[] }
  | { kind: 'credentials'; present: boolean; what: string };

export const IMAGE_FILES_ANALYZER = 'image-files';

const TEXT_FILES = new Set(['/etc/ssh/sshd_config', '/etc/passwd', '/etc/group', '/etc/sudoers', '/etc/inetd.conf', '/etc/xinetd.conf']);
const TEXT_DIRS = ['/etc/ssh/sshd_config.d/', '/etc/sudoers.d/', '/etc/xinetd.d/'];
const KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);

/** Which credential file a path is, or undefined. Cheap: called for every file of every layer. */
export function credentialKind(path: string): string | undefined {
  const base = posix.basename(path);
  if (base === '.npmrc') return 'npmrc';
  if (base === '.pypirc') return 'pypirc';
  if (base === '.git-credentials') return 'git-credentials';
  if (base === 'config.json' && path.endsWith('/.docker/config.json')) return 'docker-config';
  if (base === 'credentials' && path.endsWith('/.aws/credentials')) return 'aws-credentials';
  if (KEY_NAMES.has(base)) return 'ssh-private-key';
  if (/^ssh_host_[a-z0-9]+_key$/.test(base) && path.startsWith('/etc/ssh/')) return 'ssh-host-key';
  return undefined;
}

function wanted(path: string): boolean {
  if (TEXT_FILES.has(path) || path === '/etc/shadow') return true;
  for (const d of TEXT_DIRS) if (path.startsWith(d) && !path.slice(d.length).includes('/')) return true;
  return credentialKind(path) !== undefined;
}

/** Only the names of accounts whose password field is empty; hashes are never kept. */
function shadowFacts(text: string): ImageFileData {
  const emptyPassword: string[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 2 && f[0] && f[1] === '') emptyPassword.push(f[0]);
  }
  return { kind: 'shadow', emptyPassword };
}

const PRIVATE_KEY = /-----BEGIN ((?:[A-Z]+ )?)PRIVATE KEY-----([\s\S]*?)-----END/;

/** True for an unencrypted private key (PEM or OpenSSH format); a passphrase-protected key is not a finding. */
export function isPlainPrivateKey(text: string): boolean {
  const m = PRIVATE_KEY.exec(text);
  if (!m) return false;
  if (m[1] === 'ENCRYPTED ' || /Proc-Type:\s*4,ENCRYPTED/.test(m[2]!)) return false;
  if (m[1] !== 'OPENSSH ') return true;
  // openssh-key-v1: magic, then the cipher name as a length-prefixed string ("none" when unencrypted)
  const body = Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  if (body.length < magic.length + 4 || body.subarray(0, magic.length).toString('latin1') !== magic) return true;
  const len = body.readUInt32BE(magic.length);
  return body.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1') === 'none';
}

/** Whether a credential file holds a credential: a boolean and a label, never the value. */
function credentialFacts(kind: string, text: string): ImageFileData {
  switch (kind) {
    case 'npmrc':
      return { kind: 'credentials', present: /(_authToken|_auth|_password)\s*=\s*(?!["']?\$\{)\S/.test(text), what: 'npm registry token' };
    case 'pypirc':
      return { kind: 'credentials', present: /^\s*password\s*[=:]\s*(?!\$\{)\S/m.test(text), what: 'PyPI password' };
    case 'git-credentials':
      return { kind: 'credentials', present: /:\/\/[^:\s/]+:[^@\s]+@/.test(text), what: 'git credentials' };
    case 'docker-config': {
      let present = false;
      try {
        const j = JSON.parse(text) as { auths?: Record<string, { auth?: string; identitytoken?: string }> };
        present = Object.values(j.auths ?? {}).some((a) => Boolean(a?.auth || a?.identitytoken));
      } catch {
        present = /"auth"\s*:\s*"[^"]+"/.test(text);
      }
      return { kind: 'credentials', present, what: 'registry credentials (auths)' };
    }
    case 'aws-credentials':
      return { kind: 'credentials', present: /aws_secret_access_key\s*=\s*\S/i.test(text), what: 'AWS secret access key' };
    case 'ssh-host-key':
    case 'ssh-private-key': {
      const present = isPlainPrivateKey(text);
      return { kind: 'credentials', present, what: kind === 'ssh-host-key' ? 'SSH host private key' : 'SSH private key' };
    }
    default:
      return { kind: 'credentials', present: false, what: kind };
  }
}

/** The layer analyzer the lead adds to ScanOptions.extraAnalyzers for image checks. */
export const imageFilesAnalyzer: LayerAnalyzer = {
  name: IMAGE_FILES_ANALYZER,
  version: 1,
  maxSize: 256 * 1024,
  wants: (path) => wanted(path),
  analyze(file: AnalyzerFile): ImageFileData | null {
    if (!file.content) return null;
    const text = file.content.toString('utf8');
    if (file.path === '/etc/shadow') return shadowFacts(text);
    const cred = credentialKind(file.path);
    if (cred) return credentialFacts(cred, text);
    return { kind: 'text', text };
  },
};
