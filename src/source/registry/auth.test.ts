import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basicHeader, parseChallenge } from './auth.js';

describe('parseChallenge', () => {
  it('reads a Bearer challenge whose scope holds a comma (distribution spec token auth)', () => {
    const c = parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"');
    assert.deepEqual(c, { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' } });
  });
  it('reads Basic with an unquoted value and an error parameter', () => {
    assert.deepEqual(parseChallenge('Basic realm=registry'), { scheme: 'basic', params: { realm: 'registry' } });
    assert.equal(parseChallenge('Bearer realm="r", error="insufficient_scope"')?.params.error, 'insufficient_scope');
  });
  it('builds a Basic header only from a user name and password', () => {
    assert.equal(basicHeader({ username: 'u', password: 'p', source: 't' }), `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.equal(basicHeader({ identityToken: 'x', source: 't' }), undefined);
  });
});
