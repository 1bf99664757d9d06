import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { credentialsFromDockerConfig } from './docker-config.js';

describe('credentialsFromDockerConfig', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'bulwark-dockercfg-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  async function cfg(content: unknown): Promise<string> {
    const p = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  }

  it('finds Docker Hub under the legacy https://index.docker.io/v1/ key', async () => {
    const pass = Math.random().toString(36).slice(2);
    const p = await cfg({ auths: { 'https://index.docker.io/v1/': { auth: Buffer.from(`me:${pass}`).toString('base64') } } });
    const c = await credentialsFromDockerConfig('docker.io', p);
    assert.equal(c?.username, 'me');
    assert.equal(c?.password, pass);
  });
  it('keeps colons in passwords and reads identity tokens', async () => {
    const p = await cfg({ auths: { 'reg.example': { auth: Buffer.from('u:a:b').toString('base64') }, 'id.example': { identitytoken: 'tkn' } } });
    assert.equal((await credentialsFromDockerConfig('reg.example', p))?.password, 'a:b');
    assert.equal((await credentialsFromDockerConfig('id.example', p))?.identityToken, 'tkn');
    assert.equal(await credentialsFromDockerConfig('other.example', p), undefined);
  });
  it('returns nothing for a missing default file, but errors for a missing explicit one or bad JSON', async () => {
    await assert.rejects(credentialsFromDockerConfig('x.example', join(dir, 'nope.json')), (e) => isBulwarkError(e, 'NOT_FOUND'));
    await assert.rejects(credentialsFromDockerConfig('x.example', await cfg('{oops')), (e) => isBulwarkError(e, 'USAGE'));
  });
});
