import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { buildElf } from '../internal/__fixtures__/elf.js';
import { rustBinaryCataloger } from './cataloger.js';

const AUDIT = { packages: [{ name: 'anyhow', version: '1.0.75', source: 'crates.io' }, { name: 'app', version: '0.1.0', source: 'local', root: true, dependencies: [0] }] };

async function analyze(content: Buffer) {
  return rustBinaryCataloger.analyze({ path: '/usr/local/bin/app', size: content.length, mode: 0o755, content });
}

describe('rustBinaryCataloger', () => {
  it('sniffs ELF only', () => {
    assert.equal(rustBinaryCataloger.sniff!('/x', Buffer.from('\x7fELF\x02\x01', 'latin1')), true);
    assert.equal(rustBinaryCataloger.sniff!('/x', Buffer.from('MZ\x90\x00', 'latin1')), false);
  });

  for (const bits of [64, 32] as const) {
    it(`reads crates from the .dep-v0 section of an ELF${bits}`, async () => {
      const elf = buildElf([{ name: '.text', data: Buffer.alloc(128) }, { name: '.dep-v0', data: deflateSync(JSON.stringify(AUDIT)) }], bits);
      const res = await analyze(elf);
      assert.deepEqual(res?.packages.map((p) => [p.type, p.purl]), [['cargo', 'pkg:cargo/anyhow@1.0.75']]);
    });
  }

  it('returns null for an ELF without audit data', async () => {
    assert.equal(await analyze(buildElf([{ name: '.text', data: Buffer.alloc(128) }])), null);
  });

  it('throws a short error for a truncated ELF', async () => {
    const elf = buildElf([{ name: '.dep-v0', data: deflateSync(JSON.stringify(AUDIT)) }]);
    await assert.rejects(analyze(elf.subarray(0, elf.length - 30)), /beyond end of file|truncated/);
  });

  it('throws when .dep-v0 points past the end of the file', async () => {
    const elf = buildElf([{ name: '.dep-v0', data: deflateSync(JSON.stringify(AUDIT)) }]);
    // section 1 header: size field at shoff + 64 + 32
    const shoff = Number(elf.readBigUInt64LE(0x28));
    elf.writeBigUInt64LE(BigInt(1e12), shoff + 64 + 32);
    await assert.rejects(analyze(elf), /limit|beyond/);
  });
});
