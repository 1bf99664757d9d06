import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePnpmKey, parsePnpmLock } from './parse-pnpm-lock.js';

const V5 = `lockfileVersion: 5.4

specifiers:
  react: ^18.2.0

dependencies:
  react: 18.2.0

packages:

  /js-tokens/4.0.0:
    resolution: {integrity: sha512-RdJUflcE3cUzKiMqQgsCu06FHv1KtY6rXmnnxLdcLwXBqZRAmsCGVPN4EFHmCpsM2P1TUqv2g0Ajg32eAi6Amg==}
    dev: false

  /react/18.2.0:
    resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}
    engines: {node: '>=0.10.0'}
    dependencies:
      loose-envify: 1.4.0
    dev: false

  /@testing-library/react/13.4.0_biqbaboplfbrettd7655fr4n2y:
    resolution: {integrity: sha512-sXOGON+WNTh3MLE9rve97ftaZukN3oNf2KjDy7YTx6hcTO2uuLHuCGynMDhFwGw/jYf4OJ2Qk0i4i79qMNNkyw==}
    dev: true

  /styled-jsx/5.1.1_react@18.2.0:
    resolution: {integrity: sha512-pW7uC1l4mBZ8ugbiZrcIsiIvVx1UmTfw7UkC3Um2tmfUq9Bhk8IiyEIPl6F8agHgjzku6j0xQEZbfA5uSgSaCw==}
    dev: false

  github.com/user/forked/0123456789abcdef:
    resolution: {tarball: https://codeload.github.com/user/forked/tar.gz/0123456789abcdef}
    name: forked
    version: 2.0.0
    dev: false
`;

const V6 = `lockfileVersion: '6.0'

dependencies:
  next:
    specifier: ^13.5.0
    version: 13.5.6(react@18.2.0)

packages:

  /@next/env@13.5.6:
    resolution: {integrity: sha512-Yac/bV5sBGkkEXmAX5FWPS9Mmo2rthrOPRQQNfycJPkjUAUclomCPH7QFVCDQ4Mp2k2K1SSM6m0zrxYrOwtFQw==}
    dev: false

  /next@13.5.6(react-dom@18.2.0)(react@18.2.0):
    resolution: {integrity: sha512-Y2wTcTbO4WwEsVb4A8VSnOsG1I9ok+h74q0ZdxkwM3EODqrs4pasq7O0iUxbcS9VtWMicG7f3+HAj0r1+NtKSw==}
    dev: false

  /typescript@5.2.2:
    resolution: {integrity: sha512-mI4WrpHsbCIcwT9cF4FZvr80QUeKvsUsUvKDoR+X/7XHQH98xYD8YHZg7ANtz2GtZt/CBq2QJ0thkGJMHfqc1w==}
    dev: true
`;

const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:
  .:
    dependencies:
      react:
        specifier: ^18.3.1
        version: 18.3.1

packages:

  '@types/react@18.3.3':
    resolution: {integrity: sha512-hti/R0pS0q1/xx+TsI73XIqk26eBsISZ2Rr4EU3uqkkkfyCdFL1EcJbbaJzAZVVYt6cwmHCbvOjSmgA/1fGWaQ==}

  react-dom@18.3.1:
    resolution: {integrity: sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUw==}
    peerDependencies:
      react: ^18.3.1

  react@18.3.1:
    resolution: {integrity: sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==}

  my-pkg@file:packages/my-pkg:
    resolution: {directory: packages/my-pkg, type: directory}

snapshots:

  react-dom@18.3.1(react@18.3.1):
    dependencies:
      react: 18.3.1
`;

function summary(text: string): string[] {
  return parsePnpmLock(text).map((p) => `${p.purl}${p.metadata?.dev ? ' dev' : ''}`).sort();
}

describe('parsePnpmKey', () => {
  const cases: [string, number, string | undefined][] = [
    ['/lodash/4.17.21', 5, 'lodash@4.17.21'],
    ['/@babel/core/7.23.0', 5, '@babel/core@7.23.0'],
    ['/styled-jsx/5.1.1_react@18.2.0', 5, 'styled-jsx@5.1.1'],
    ['/@types/x/1.0.0_@types+react@18.0.0', 5, '@types/x@1.0.0'],
    ['github.com/a/b/0123abc', 5, undefined],
    ['/lodash@4.17.21', 6, 'lodash@4.17.21'],
    ['/@next/env@13.5.6(react@18.2.0)', 6, '@next/env@13.5.6'],
    ['@types/react@18.3.3', 9, '@types/react@18.3.3'],
    ['react-dom@18.3.1(react@18.3.1)', 9, 'react-dom@18.3.1'],
    ['nameonly', 9, undefined],
  ];
  for (const [key, major, want] of cases) {
    it(`${key} (v${major})`, () => {
      const got = parsePnpmKey(key, major);
      assert.equal(got ? `${got.name}@${got.version}` : undefined, want);
    });
  }
});

describe('parsePnpmLock', () => {
  it('5.x: slash keys, peer suffixes stripped, name/version fields win', () => {
    assert.deepEqual(summary(V5), [
      'pkg:npm/%40testing-library/react@13.4.0 dev',
      'pkg:npm/forked@2.0.0',
      'pkg:npm/js-tokens@4.0.0',
      'pkg:npm/react@18.2.0',
      'pkg:npm/styled-jsx@5.1.1',
    ]);
  });

  it('6.x: @ keys with parenthesised peers', () => {
    assert.deepEqual(summary(V6), ['pkg:npm/%40next/env@13.5.6', 'pkg:npm/next@13.5.6', 'pkg:npm/typescript@5.2.2 dev']);
  });

  it('9.x: keys without a leading slash, file: packages skipped', () => {
    assert.deepEqual(summary(V9), ['pkg:npm/%40types/react@18.3.3', 'pkg:npm/react-dom@18.3.1', 'pkg:npm/react@18.3.1']);
  });

  it('throws a short error on malformed input', () => {
    assert.throws(() => parsePnpmLock('packages: {'), /not valid YAML/);
    assert.throws(() => parsePnpmLock('- a\n- b\n'), /not a YAML mapping/);
    assert.throws(() => parsePnpmLock('packages: {}\n'), /no lockfileVersion/);
  });

  it('refuses alias bombs', () => {
    const bomb = ['lockfileVersion: 9.0', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10).fill(`*${i ? 'b'.repeat(i) : 'a'}`).join(', ')}]`);
    assert.throws(() => parsePnpmLock(bomb.join('\n')), /not valid YAML/);
  });
});
