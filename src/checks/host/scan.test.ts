/** scanHost end to end over fixture roots: settings sources, symlink containment, inspect input, bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { fixtureRootIds, isRoot, writeFixture } from './fixture.js';
import type { HostFixture } from './input.js';
import { scanHost } from './scan.js';

const base = mkdtempSync(join(tmpdir(), 'bulwark-host-scan-'));
after(() => rmSync(base, { recursive: true, force: true }));
let n = 0;

function root(f: HostFixture): string {
  const dir = join(base, `r${n++}`);
  mkdirSync(dir);
  writeFixture(f, dir);
  return dir;
}
async function ids(dir: string, inspectFile?: string): Promise<string[]> {
  const r = await scanHost({ root: dir, inspectFile, rootIds: fixtureRootIds() });
  return r.findings.map((f) => f.checkId);
}

const HARDENED = JSON.stringify({
  icc: false, 'userns-remap': 'default', 'live-restore': true, 'no-new-privileges': true, 'userland-proxy': false,
  'log-driver': 'syslog', 'authorization-plugins': ['opa-docker-authz'],
});

describe('scanHost', () => {
  it('a hardened daemon.json passes every section 2 check', async () => {
    const dir = root({ files: { '/etc/docker/daemon.json': { content: HARDENED }, '/etc/docker': { type: 'dir' } } });
    const found = await ids(dir);
    assert.deepEqual(found.filter((id) => id >= 'HOST-010' && id < 'HOST-030'), []);
  });

  it('reads dockerd flags from ExecStart, honouring drop-in resets, with file and line', async () => {
    const dir = root({
      files: {
        '/lib/systemd/system/docker.service': { content: '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --icc=false\n' },
        '/etc/systemd/system/docker.service.d/override.conf': { content: '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// -H tcp://0.0.0.0:2375 \\\n  --insecure-registry=10.0.0.5:5000\n' },
      },
    });
    const r = await scanHost({ root: dir, rootIds: fixtureRootIds() });
    const tls = r.findings.find((f) => f.checkId === 'HOST-015');
    assert.equal(tls?.location?.path, '/etc/systemd/system/docker.service.d/override.conf');
    assert.equal(tls?.location?.line, 3);
    assert.match(tls?.message ?? '', /tcp:\/\/0\.0\.0\.0:2375/);
    assert.ok(r.findings.some((f) => f.checkId === 'HOST-013' && f.message.includes('10.0.0.5:5000')));
    assert.ok(r.findings.some((f) => f.checkId === 'HOST-010'), 'the reset ExecStart dropped --icc=false');
  });

  it('reads DOCKER_OPTS from /etc/default/docker', async () => {
    const dir = root({ files: { '/etc/docker': { type: 'dir' }, '/etc/default/docker': { content: 'DOCKER_OPTS="--icc=false --experimental"\n' } } });
    const found = await ids(dir);
    assert.ok(found.includes('HOST-023'));
    assert.ok(!found.includes('HOST-010'));
  });

  it('reports nothing about the daemon where Docker is not installed', async () => {
    assert.deepEqual(await ids(root({ files: { '/etc/hostname': { content: 'box\n' } } })), []);
  });

  it('never follows symlinks out of the root', async () => {
    const outside = join(base, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'daemon.json'), '{"hosts": ["tcp://0.0.0.0:2375"]}');
    for (const target of [join(outside, 'daemon.json'), '../../../../../../../../outside/daemon.json', '../'.repeat(40) + outside.slice(1) + '/daemon.json']) {
      const dir = root({ files: { '/etc/docker/daemon.json': { type: 'symlink', target } } });
      assert.ok(!(await ids(dir)).includes('HOST-015'), target);
    }
  });

  it('follows symlinks inside the root (/var/run -> /run) and survives loops', async () => {
    const dir = root({
      files: {
        '/etc/docker': { type: 'dir' },
        '/run/docker.sock': { content: '', mode: '0666' },
        '/var/run': { type: 'symlink', target: '../run' },
        '/etc/docker/daemon.json': { type: 'symlink', target: '/etc/docker/loop.json' },
        '/etc/docker/loop.json': { type: 'symlink', target: 'daemon.json' },
      },
    });
    const r = await scanHost({ root: dir, rootIds: fixtureRootIds() });
    const sock = r.findings.filter((f) => f.checkId === 'HOST-037');
    assert.equal(sock.length, 1, 'one finding for both names of the socket');
    assert.match(sock[0]!.message, /\/var\/run\/docker\.sock \(\/run\/docker\.sock\): mode 0666/);
  });

  it('does not hang on a FIFO where a config file should be', async (t) => {
    const dir = root({ files: { '/etc/docker': { type: 'dir' } } });
    if (spawnSync('mkfifo', [join(dir, 'etc/docker/daemon.json')]).status !== 0) return t.skip('mkfifo is not available');
    const r = await scanHost({ root: dir, rootIds: fixtureRootIds() });
    assert.ok(r.findings.length > 0);
  });

  it('warns about invalid daemon.json and still runs the other checks', async () => {
    const r = await scanHost({ root: root({ files: { '/etc/docker/daemon.json': { content: '{"icc": false,' } } }), rootIds: fixtureRootIds() });
    assert.match(r.warnings.join('\n'), /daemon\.json: invalid JSON/);
  });

  it('checks ownership (as root)', { skip: isRoot() ? false : 'not root: cannot chown fixture files to another user' }, async () => {
    const dir = root({ files: { '/etc/docker/daemon.json': { content: HARDENED } } });
    chownSync(join(dir, 'etc/docker/daemon.json'), 1000, 1000);
    const r = await scanHost({ root: dir });
    const f = r.findings.find((x) => x.checkId === 'HOST-038');
    assert.match(f?.message ?? '', /owned by uid 1000, expected root; group is gid 1000, expected root/);
  });

  it('never writes under the root', async () => {
    const dir = root({ files: { '/etc/docker/daemon.json': { content: '{}' }, '/var/run/docker.sock': { content: '', mode: '0666' } } });
    const snap = () => JSON.stringify(readdirSync(dir, { recursive: true }).map((p) => [p, statSync(join(dir, String(p))).mtimeMs]));
    const before = snap();
    await scanHost({ root: dir, rootIds: fixtureRootIds() });
    assert.equal(snap(), before);
  });

  it('reads docker inspect output for section 5', async () => {
    const dir = root({});
    const file = join(base, 'inspect.json');
    writeFileSync(file, JSON.stringify([{ Id: 'abcdef0123456789', Name: '/db', Config: { User: '' }, HostConfig: { Privileged: true, NetworkMode: 'host' }, NetworkSettings: { Ports: { '5432/tcp': [{ HostIp: '0.0.0.0', HostPort: '5432' }] } } }]));
    const r = await scanHost({ root: dir, inspectFile: file, rootIds: fixtureRootIds() });
    const priv = r.findings.find((f) => f.checkId === 'HOST-050');
    assert.equal(priv?.location?.object, 'container db (abcdef012345)');
    assert.equal(priv?.location?.path, file);
    for (const id of ['HOST-053', 'HOST-055', 'HOST-056', 'HOST-057', 'HOST-061', 'HOST-062', 'HOST-064']) assert.ok(r.findings.some((f) => f.checkId === id), id);
  });

  it('bad input is a one-line BulwarkError', async () => {
    const bad = join(base, 'bad.json');
    writeFileSync(bad, '[{"Id": ');
    await assert.rejects(scanHost({ root: base, inspectFile: bad }), (e: unknown) => isBulwarkError(e, 'MALFORMED_CONFIG') && !e.message.includes('\n'));
    writeFileSync(bad, '[1]');
    await assert.rejects(scanHost({ root: base, inspectFile: bad }), (e: unknown) => isBulwarkError(e, 'MALFORMED_CONFIG'));
    await assert.rejects(scanHost({ root: base, inspectFile: join(base, 'missing.json') }), (e: unknown) => isBulwarkError(e, 'NOT_FOUND'));
    await assert.rejects(scanHost({ root: join(base, 'no-such-root') }), (e: unknown) => isBulwarkError(e, 'NOT_FOUND'));
  });

  it('applies ignore-file rules', async () => {
    const dir = root({ files: { '/etc/docker/daemon.json': { content: '{}' } } });
    const r = await scanHost({ root: dir, rootIds: fixtureRootIds(), rules: [{ id: 'HOST-01*', reason: 'tracked in OPS-12' }] });
    assert.ok(!r.findings.some((f) => f.checkId.startsWith('HOST-01')));
    assert.ok(r.suppressed.length > 0);
  });
});
