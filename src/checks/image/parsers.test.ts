/** Unit tests of the image checks' helpers: analyzer facts, sshd config, Dive efficiency, references, users. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { FileTable } from '../../layer/file-table.js';
import type { FileEntry } from '../../layer/types.js';
import { imageFilesAnalyzer, isPlainPrivateKey, type ImageFileData } from './files-analyzer.js';
import type { ImageCheckInput, ImageLayer } from './input.js';
import { parseReference } from './reference.js';
import { effectiveSshdConfig } from './sshd-config.js';
import { parsePasswd, runAsUser } from './util.js';
import { imageEfficiency } from './waste.js';

function analyze(path: string, text: string): ImageFileData | null {
  return imageFilesAnalyzer.analyze({ path, size: text.length, mode: 0o644, content: Buffer.from(text) }) as ImageFileData | null;
}

/** A minimal input over collected text files (the fields the helpers read). */
function fakeInput(texts: Record<string, string>, user?: string): ImageCheckInput {
  const data = new Map(Object.entries(texts).map(([p, t]) => [p, { kind: 'text', text: t } as ImageFileData]));
  return {
    config: { config: { User: user } },
    readText: (p: string) => (texts[p] !== undefined ? texts[p] : undefined),
    collected: (prefix = '/') => [...data].filter(([p]) => p.startsWith(prefix)).map(([path, d]) => ({ path, data: d, layer: 0 })).sort((a, b) => (a.path < b.path ? -1 : 1)),
  } as unknown as ImageCheckInput;
}

describe('imageFilesAnalyzer', () => {
  it('wants only the files the checks need', () => {
    for (const p of ['/etc/ssh/sshd_config', '/etc/ssh/sshd_config.d/50-cloud.conf', '/etc/shadow', '/etc/sudoers.d/app', '/root/.npmrc', '/home/u/.docker/config.json', '/root/.aws/credentials', '/home/u/.ssh/id_ed25519', '/etc/ssh/ssh_host_rsa_key']) {
      assert.ok(imageFilesAnalyzer.wants(p, 10, 0o644), p);
    }
    for (const p of ['/etc/ssh/ssh_host_rsa_key.pub', '/usr/share/doc/passwd', '/etc/sudoers.d/sub/x', '/app/config.json', '/etc/ssh/moduli']) assert.ok(!imageFilesAnalyzer.wants(p, 10, 0o644), p);
  });
  it('keeps only account names from /etc/shadow, never hashes', () => {
    const d = analyze('/etc/shadow', 'root::19000:0:::::\nbin:!:19000::::::\napp:$6$salt$hash:19000::::::\n');
    assert.deepEqual(d, { kind: 'shadow', emptyPassword: ['root'] });
  });
  it('keeps facts, not values, for credential files', () => {
    assert.deepEqual(analyze('/root/.npmrc', '//registry.npmjs.org/:_authToken=fake-token\n'), { kind: 'credentials', present: true, what: 'npm registry token' });
    assert.equal((analyze('/root/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n') as { present: boolean }).present, false);
    assert.equal((analyze('/root/.docker/config.json', '{"auths":{"ghcr.io":{"auth":"ZmFrZTpmYWtl"}}}') as { present: boolean }).present, true);
    assert.equal((analyze('/root/.docker/config.json', '{"auths":{},"credsStore":"desktop"}') as { present: boolean }).present, false);
    assert.equal((analyze('/root/.aws/credentials', '[default]\naws_access_key_id = AKIAFAKE\naws_secret_access_key = fake\n') as { present: boolean }).present, true);
    assert.ok(!JSON.stringify(analyze('/root/.npmrc', '//r/:_authToken=fake-token\n')).includes('fake-token'));
  });
  it('tells plain private keys from passphrase-protected ones', () => {
    const plain = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const enc = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' }).toString();
    assert.equal(isPlainPrivateKey(plain), true);
    assert.equal(isPlainPrivateKey(enc), false);
    const body = (cipher: string): string => {
      const name = Buffer.from(cipher);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(name.length);
      return `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.concat([Buffer.from('openssh-key-v1\0'), len, name]).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`;
    };
    assert.equal(isPlainPrivateKey(body('none')), true);
    assert.equal(isPlainPrivateKey(body('aes256-ctr')), false);
    assert.equal(isPlainPrivateKey('ssh-ed25519 AAAA user@host'), false);
  });
});

describe('effectiveSshdConfig', () => {
  it('applies OpenSSH defaults when nothing is set', () => {
    const c = effectiveSshdConfig(fakeInput({ '/etc/ssh/sshd_config': '#PermitRootLogin yes\n' }))!;
    assert.equal(c.get('permitrootlogin')?.value, 'prohibit-password');
    assert.equal(c.get('passwordauthentication')?.value, 'yes');
    assert.equal(c.get('passwordauthentication')?.path, undefined);
  });
  it('first value wins, Include files in lexical order, Match blocks ignored', () => {
    const c = effectiveSshdConfig(
      fakeInput({
        '/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\nMatch User admin\n  PasswordAuthentication yes\n',
        '/etc/ssh/sshd_config.d/20-b.conf': 'PasswordAuthentication yes\n',
        '/etc/ssh/sshd_config.d/10-a.conf': 'PasswordAuthentication no\n',
      }),
    )!;
    assert.deepEqual(c.get('passwordauthentication'), { value: 'no', path: '/etc/ssh/sshd_config.d/10-a.conf', line: 1 });
    assert.deepEqual(c.get('permitrootlogin'), { value: 'yes', path: '/etc/ssh/sshd_config', line: 2 });
  });
  it('key=value syntax and case-insensitive keywords', () => {
    assert.equal(effectiveSshdConfig(fakeInput({ '/etc/ssh/sshd_config': 'permitrootlogin=Yes\n' }))!.get('permitrootlogin')?.value, 'yes');
  });
  it('is undefined without sshd_config', () => {
    assert.equal(effectiveSshdConfig(fakeInput({})), undefined);
  });
});

describe('runAsUser', () => {
  it('root by default, by name, by uid, and by a name with uid 0', () => {
    assert.equal(runAsUser(fakeInput({})).root, true);
    assert.equal(runAsUser(fakeInput({}, 'root:root')).root, true);
    assert.equal(runAsUser(fakeInput({}, '0')).root, true);
    assert.equal(runAsUser(fakeInput({ '/etc/passwd': 'toor:x:0:0::/:/bin/sh\n' }, 'toor')).root, true);
    assert.equal(runAsUser(fakeInput({ '/etc/passwd': 'app:x:1000:1000::/:/bin/sh\n' }, 'app')).root, false);
    assert.equal(runAsUser(fakeInput({}, '65532:65532')).root, false);
  });
  it('parsePasswd skips malformed lines', () => {
    assert.deepEqual(parsePasswd('root:x:0:0:root:/root:/bin/sh\nbroken\nx:y:z:0\n').map((e) => e.name), ['root']);
  });
});

describe('parseReference', () => {
  it('splits registry, repository, tag and digest', () => {
    assert.deepEqual(parseReference('alpine'), { registry: undefined, repository: 'alpine', tag: undefined, digest: undefined });
    assert.deepEqual(parseReference('localhost:5000/team/app:1.2'), { registry: 'localhost:5000', repository: 'team/app', tag: '1.2', digest: undefined });
    assert.equal(parseReference('ghcr.io/o/app@sha256:abc').digest, 'sha256:abc');
    assert.equal(parseReference('ghcr.io/o/app@sha256:abc').tag, undefined);
    assert.equal(parseReference('docker://nginx:latest').tag, 'latest');
  });
});

describe('imageEfficiency (Dive definitions)', () => {
  const f = (path: string, size: number, type: FileEntry['type'] = 'file'): FileEntry => ({ path, type, size, mode: 0o644, uid: 0, gid: 0 });
  const layer = (index: number, files: FileEntry[], whiteouts: string[] = [], opaqueDirs: string[] = []): ImageLayer => ({ index, diffId: `sha256:${index}`, size: 0, files: FileTable.from(files), whiteouts, opaqueDirs });
  it('counts all copies of a rewritten path as wasted, the dead copies as reclaimable', () => {
    const e = imageEfficiency([layer(0, [f('/etc', 0, 'dir'), f('/etc/a', 100), f('/etc/b', 50)]), layer(1, [f('/etc', 0, 'dir'), f('/etc/a', 30)])]);
    assert.equal(e.sizeBytes, 180);
    assert.equal(e.userSizeBytes, 30);
    assert.equal(e.wastedBytes, 130);
    assert.equal(e.reclaimableBytes, 100);
    assert.equal(e.efficiency, (30 + 50) / (130 + 50));
    assert.deepEqual(e.entries.map((x) => [x.path, x.deleted]), [['/etc/a', false]]);
  });
  it('a whited-out file counts its earlier copy; a whited-out directory counts what it held', () => {
    const e = imageEfficiency([
      layer(0, [f('/usr', 0, 'dir'), f('/usr/bin/wall', 40), f('/opt', 0, 'dir'), f('/opt/x', 0, 'dir'), f('/opt/x/big', 1000)]),
      layer(1, [], ['/usr/bin/wall', '/opt/x']),
    ]);
    const wall = e.entries.find((x) => x.path === '/usr/bin/wall')!;
    assert.deepEqual([wall.cumulative, wall.reclaimable, wall.deleted, wall.layers], [40, 40, true, [0, 1]]);
    const opt = e.entries.find((x) => x.path === '/opt/x')!;
    assert.deepEqual([opt.reclaimable, opt.deleted], [1000, true], 'Bulwark lists the deleted directory as reclaimable');
    assert.equal(e.wastedBytes, 40, 'Dive counts only /usr/bin/wall: /opt/x was no leaf in layer 0, so its path is seen once');
    assert.equal(e.reclaimableBytes, 1040);
  });
  it('a single layer is 100% efficient', () => {
    const e = imageEfficiency([layer(0, [f('/a', 10)])]);
    assert.deepEqual([e.efficiency, e.wastedBytes, e.entries.length], [1, 0, 0]);
  });
});
