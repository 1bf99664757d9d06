import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildElf, inlineBuildInfo } from '../internal/__fixtures__/elf.js';
import { goBinaryCataloger, isExecutableFormat } from './cataloger.js';

describe('goBinaryCataloger', () => {
  const sniffCases: [string, Buffer, boolean][] = [
    ['ELF', Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), true],
    ['Mach-O 64 LE', Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), true],
    ['Mach-O 32 BE', Buffer.from([0xfe, 0xed, 0xfa, 0xce]), true],
    ['PE', Buffer.from('MZ\x90\x00', 'latin1'), true],
    ['shell script', Buffer.from('#!/bin/sh\necho hi\n'), false],
    ['Java class / fat Mach-O', Buffer.from([0xca, 0xfe, 0xba, 0xbe]), false],
    ['too short', Buffer.from([0x7f]), false],
  ];
  for (const [what, head, want] of sniffCases) {
    it(`sniff: ${what} -> ${want}`, () => assert.equal(isExecutableFormat(head), want));
  }

  it('never claims files by path alone', () => assert.equal(goBinaryCataloger.wants('/usr/bin/app', 1000, 0o755), false));

  it('analyzes an ELF with build info into golang packages', async () => {
    const mod = 'path\tex.com/app\nmod\tex.com/app\tv1.2.0\t\ndep\tgithub.com/x/y\tv0.3.0\th1:y=\nbuild\tGOARCH=arm64\n';
    const content = buildElf([{ name: '.go.buildinfo', data: inlineBuildInfo('go1.21.5', mod) }]);
    const res = await goBinaryCataloger.analyze({ path: '/usr/bin/app', size: content.length, mode: 0o755, content });
    assert.deepEqual(
      res?.packages.map((p) => [p.type, p.purl]),
      [
        ['golang', 'pkg:golang/github.com/x/y@v0.3.0'],
        ['golang', 'pkg:golang/ex.com/app@v1.2.0'],
        ['golang', 'pkg:golang/stdlib@v1.21.5'],
      ],
    );
  });

  it('returns null for a non-Go executable', async () => {
    const content = buildElf([{ name: '.text', data: Buffer.alloc(64) }]);
    assert.equal(await goBinaryCataloger.analyze({ path: '/bin/ls', size: content.length, mode: 0o755, content }), null);
  });
});
