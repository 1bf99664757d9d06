import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../../../test/helpers/fixtures.js';
import { bufferReader, withReader } from '../internal/byte-reader.js';
import { buildElf, inlineBuildInfo, pointerBuildInfo } from '../internal/__fixtures__/elf.js';
import { BUILDINFO_MAGIC, readGoBuildInfo, readUvarint } from './parse-buildinfo.js';

const MOD = 'path\texample.com/app\nmod\texample.com/app\tv1.0.0\t\ndep\tgolang.org/x/text\tv0.14.0\th1:x=\n';
const TEXT = { name: '.text', data: Buffer.alloc(256, 0x90) };

function read(buf: Buffer) {
  return readGoBuildInfo(bufferReader(buf));
}

describe('readGoBuildInfo', () => {
  it('decodes Go >= 1.18 inline strings from .go.buildinfo', async () => {
    const elf = buildElf([TEXT, { name: '.go.buildinfo', data: inlineBuildInfo('go1.21.5', MOD) }]);
    assert.deepEqual(await read(elf), { goVersion: 'go1.21.5', modinfo: MOD });
  });

  it('decodes the pre-1.18 pointer format through ELF section addresses', async () => {
    const elf = buildElf([TEXT, { name: '.go.buildinfo', data: Buffer.alloc(0), build: pointerBuildInfo('go1.16.15', MOD) }]);
    assert.deepEqual(await read(elf), { goVersion: 'go1.16.15', modinfo: MOD });
  });

  it('finds an aligned blob by scanning when there is no ELF section (Mach-O/PE, stripped)', async () => {
    const blob = inlineBuildInfo('go1.22.1', MOD);
    const file = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(1020), blob]);
    assert.equal((await read(file))?.goVersion, 'go1.22.1');
  });

  it('skips an unaligned literal copy of the magic (code importing debug/buildinfo)', async () => {
    const file = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(3), BUILDINFO_MAGIC, Buffer.alloc(200)]);
    assert.equal(await read(file), null);
  });

  it('returns null for an ELF without Go sections, without scanning it', async () => {
    assert.equal(await read(buildElf([TEXT, { name: '.data', data: inlineBuildInfo('go1.21.0', MOD) }])), null);
  });

  it('reads a spooled temp file with the blob straddling the first 1 MiB chunk', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const pad = 1024 * 1024 - 16; // 16-aligned; header and strings run into the second chunk
      const file = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(pad - 2), inlineBuildInfo('go1.21.5', MOD)]);
      const p = join(dir, 'bin');
      await writeFile(p, file);
      const info = await withReader({ path: '/bin', size: file.length, mode: 0o755, tempPath: p }, readGoBuildInfo);
      assert.equal(info?.modinfo, MOD);
    } finally {
      await cleanup();
    }
  });

  const hostile: [string, Buffer][] = [
    ['a truncated ELF header', buildElf([TEXT]).subarray(0, 40)],
    ['a section table past the end', buildElf([TEXT, { name: '.go.buildinfo', data: inlineBuildInfo('go1.21.0', MOD) }]).subarray(0, 300)],
    [
      'a huge varint length',
      buildElf([{ name: '.go.buildinfo', data: Buffer.concat([inlineBuildInfo('go1.21.0', '').subarray(0, 32), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])]) }]),
    ],
    [
      'an overlong varint',
      buildElf([{ name: '.go.buildinfo', data: Buffer.concat([inlineBuildInfo('go1.21.0', '').subarray(0, 32), Buffer.alloc(12, 0xff)]) }]),
    ],
    ['a string running past the end', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(14), inlineBuildInfo('go1.21.0', MOD).subarray(0, 60)])],
  ];
  for (const [what, buf] of hostile) {
    it(`throws a short error on ${what}`, async () => {
      await assert.rejects(read(buf), (err: Error) => err.message.length < 120);
    });
  }
});

describe('readUvarint', () => {
  const cases: [number[], number][] = [
    [[0x00], 0],
    [[0x7f], 127],
    [[0x80, 0x01], 128],
    [[0xac, 0x02], 300],
  ];
  for (const [bytes, want] of cases) it(`decodes ${want}`, () => assert.equal(readUvarint(Buffer.from(bytes), 0).value, want));
});
