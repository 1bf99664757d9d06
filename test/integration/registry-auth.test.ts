/** An htpasswd-protected loopback registry: credentials from flags, config.json auths, credential helpers. */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildImage } from '../../src/image/writer.js';
import { isBulwarkError } from '../../src/shared/errors.js';
import { openRegistryImage, pushImage } from '../../src/source/registry/index.js';
import { debianLikeSpec, runCli, tempDir } from '../helpers/fixtures.js';
import { REGISTRY_SKIP, startRegistry, testCredentials, type RegistryAuth, type TestRegistry } from '../helpers/registry.js';

describe('registry authentication (htpasswd, Basic)', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let creds: RegistryAuth;
  let dir: string;
  let cleanup: () => Promise<void>;
  let ref: string;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    creds = testCredentials();
    reg = await startRegistry({ auth: creds });
    ref = `${reg.host}/private/debian:12`;
    const built = await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-')));
    await pushImage(ref, built, { plainHttp: true, ...creds });
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  const open = (extra: Record<string, unknown>) => openRegistryImage(ref, { plainHttp: true, retries: 0, tmpDir: dir, dockerConfig: join(dir, 'none.json'), ...extra });

  async function writeConfig(name: string, cfg: unknown): Promise<string> {
    const p = join(dir, name);
    await writeFile(p, JSON.stringify(cfg));
    return p;
  }

  it('refuses without credentials: REGISTRY_UNAUTHORIZED naming registry and repository', async () => {
    const empty = await writeConfig('empty.json', {});
    await assert.rejects(open({ dockerConfig: empty }), (err) => {
      assert.ok(isBulwarkError(err, 'REGISTRY_UNAUTHORIZED'), String(err));
      assert.match(err.message, new RegExp(`registry ${reg.host} denied access to repository private/debian without credentials`));
      assert.equal(err.exitCode, 4);
      return true;
    });
  });

  it('refuses wrong credentials, saying where they came from', async () => {
    await assert.rejects(open({ username: creds.username, password: 'wrong' }), (err) => isBulwarkError(err, 'REGISTRY_UNAUTHORIZED') && /--username\/--password/.test(err.message));
  });

  it('uses credentials from flags', async () => {
    const src = await open({ ...creds });
    assert.equal(src.layers.length, 2);
    await src.close();
  });

  it('uses config.json auths (base64 auth, and username/password; Docker Hub style URL keys)', async () => {
    const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
    const a = await writeConfig('auths.json', { auths: { [`http://${reg.host}/v2/`]: { auth } } });
    await (await open({ dockerConfig: a })).close();
    const b = await writeConfig('auths-plain.json', { auths: { [reg.host]: { username: creds.username, password: creds.password } } });
    await (await open({ dockerConfig: b })).close();
  });

  it('reads $DOCKER_CONFIG/config.json when no path is given', async () => {
    const cfgDir = await mkdtemp(join(dir, 'dockercfg-'));
    const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64');
    await writeFile(join(cfgDir, 'config.json'), JSON.stringify({ auths: { [reg.host]: { auth } } }));
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = cfgDir;
    try {
      await (await openRegistryImage(ref, { plainHttp: true, tmpDir: dir })).close();
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
  });

  describe('credential helpers', () => {
    let savedPath: string | undefined;
    before(async () => {
      const bin = await mkdtemp(join(dir, 'bin-'));
      // a fake docker-credential helper: answers only for our registry, as real helpers do
      const script = [
        '#!/bin/sh',
        '[ "$1" = get ] || exit 2',
        'read server',
        `if [ "$server" = "${reg.host}" ]; then`,
        `  printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}' "$server" "${creds.username}" "${creds.password}"`,
        '  exit 0',
        'fi',
        'echo "credentials not found in native keychain"',
        'exit 1',
      ].join('\n');
      await writeFile(join(bin, 'docker-credential-bulwarkfake'), script + '\n');
      await chmod(join(bin, 'docker-credential-bulwarkfake'), 0o755);
      savedPath = process.env.PATH;
      process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
    });
    after(() => {
      process.env.PATH = savedPath;
    });

    it('uses credHelpers for this registry', async () => {
      const p = await writeConfig('helpers.json', { credHelpers: { [reg.host]: 'bulwarkfake' } });
      await (await open({ dockerConfig: p })).close();
    });

    it('uses credsStore for every registry', async () => {
      const p = await writeConfig('store.json', { credsStore: 'bulwarkfake' });
      await (await open({ dockerConfig: p })).close();
    });

    it('says which helper is missing', async () => {
      const p = await writeConfig('missing-helper.json', { credHelpers: { [reg.host]: 'bulwarknothere' } });
      await assert.rejects(open({ dockerConfig: p }), (err) => isBulwarkError(err, 'REGISTRY_ERROR') && /docker-credential-bulwarknothere not found on PATH/.test(err.message));
    });
  });

  it('CLI: exits 4 with a one-line message when unauthorised', { skip: process.env.BULWARK_SKIP_CLI ? 'BULWARK_SKIP_CLI set' : false }, async () => {
    const empty = await writeConfig('cli-empty.json', {});
    const res = await runCli(['packages', ref, '--plain-http', '-q', '--format', 'json', '--no-cache', '--docker-config', empty, '--cache-dir', join(dir, 'cache')]);
    assert.equal(res.code, 4, res.stderr);
    assert.equal(res.stdout, '');
    const lines = res.stderr.trim().split('\n');
    assert.equal(lines.length, 1, res.stderr);
    assert.match(lines[0]!, new RegExp(`denied access to repository private/debian`));
    assert.doesNotMatch(res.stderr, /\bat \w+ \(/, 'no stack trace');
  });
});

async function emptyConfig(dir: string): Promise<string> {
  const p = join(dir, 'empty-config.json');
  await writeFile(p, '{}');
  return p;
}

describe('registry authentication (token server, Bearer)', { skip: REGISTRY_SKIP }, () => {
  let reg: TestRegistry;
  let creds: RegistryAuth;
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    creds = testCredentials();
    reg = await startRegistry({ bearer: { creds } });
  });
  after(async () => {
    await reg?.stop();
    await cleanup();
  });

  it('pushes with a pull,push token and pulls with a pull token, sending credentials to the realm', async () => {
    const ref = `${reg.host}/tok/debian:12`;
    await pushImage(ref, await buildImage(debianLikeSpec(), await mkdtemp(join(dir, 'img-'))), { plainHttp: true, ...creds });
    const src = await openRegistryImage(ref, { plainHttp: true, tmpDir: dir, ...creds });
    assert.equal(src.layers.length, 2);
    await src.close();
    const scopes = reg.tokenRequests!.map((r) => r.scope.join(' '));
    // the push token asks for our scope plus the one the registry's challenge names
    assert.ok(scopes.some((s) => s.startsWith('repository:tok/debian:pull,push')), scopes.join('; '));
    assert.ok(scopes.includes('repository:tok/debian:pull'), scopes.join('; '));
    assert.ok(reg.tokenRequests!.every((r) => r.authorized));
  });

  it('maps a refused token request to REGISTRY_UNAUTHORIZED', async () => {
    await assert.rejects(
      openRegistryImage(`${reg.host}/tok/debian:12`, { plainHttp: true, tmpDir: dir, retries: 0, dockerConfig: await emptyConfig(dir) }),
      (err) => isBulwarkError(err, 'REGISTRY_UNAUTHORIZED') && err.message.includes('anonymous access was refused'),
    );
  });
});
