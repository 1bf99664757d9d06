import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBulwarkError } from '../../shared/errors.js';
import { apiHost, canonicalRegistry, formatReference, parseReference } from './reference.js';

const D = `sha256:${'a'.repeat(64)}`;

// cases follow Docker's normalisation (distribution/reference ParseNormalizedNamed)
describe('parseReference', () => {
  const cases: [string, string, string, string | undefined, string | undefined][] = [
    ['alpine', 'docker.io', 'library/alpine', 'latest', undefined],
    ['alpine:3.19', 'docker.io', 'library/alpine', '3.19', undefined],
    ['bitnami/redis', 'docker.io', 'bitnami/redis', 'latest', undefined],
    ['docker.io/alpine', 'docker.io', 'library/alpine', 'latest', undefined],
    ['index.docker.io/library/alpine:edge', 'docker.io', 'library/alpine', 'edge', undefined],
    ['localhost/foo', 'localhost', 'foo', 'latest', undefined],
    ['localhost:5000/foo/bar:1.0', 'localhost:5000', 'foo/bar', '1.0', undefined],
    ['127.0.0.1:5000/x:y', '127.0.0.1:5000', 'x', 'y', undefined],
    ['ghcr.io/owner/repo/sub:v1.2.3-rc_1', 'ghcr.io', 'owner/repo/sub', 'v1.2.3-rc_1', undefined],
    [`alpine@${D}`, 'docker.io', 'library/alpine', undefined, D],
    [`quay.io/a/b:3@${D}`, 'quay.io', 'a/b', '3', D],
    ['[::1]:5000/img', '[::1]:5000', 'img', 'latest', undefined],
  ];
  for (const [input, registry, repository, tag, digest] of cases) {
    it(`parses ${input}`, () => {
      assert.deepEqual(parseReference(input), { registry, repository, tag, digest });
    });
  }

  for (const bad of ['', 'foo/Upper:1', 'foo:bad tag', `alpine@sha256:${'z'.repeat(64)}`, 'alpine@md5:abc', 'a//b', 'a/-b', 'host:5000/']) {
    it(`rejects ${JSON.stringify(bad)} with a USAGE error`, () => {
      assert.throws(() => parseReference(bad), (e) => isBulwarkError(e, 'USAGE'));
    });
  }

  it('formats the canonical name and maps Docker Hub to its API host', () => {
    assert.equal(formatReference(parseReference('alpine:3.10')), 'docker.io/library/alpine:3.10');
    assert.equal(canonicalRegistry('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(apiHost('ghcr.io'), 'ghcr.io');
  });
});
