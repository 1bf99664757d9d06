import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHeaderBlob } from './__fixtures__/build-header.js';
import { parseRpmHeader, TAG } from './header.js';

const good = buildHeaderBlob([
  { tag: TAG.name, string: 'bash' },
  { tag: TAG.epoch, int32: [2] },
  { tag: TAG.baseNames, strings: ['bash', 'sh'] },
]);

/** A copy of `good` with one 32-bit big-endian field overwritten. */
function patched(at: number, value: number): Buffer {
  const b = Buffer.from(good);
  b.writeUInt32BE(value >>> 0, at);
  return b;
}

describe('parseRpmHeader', () => {
  it('reads strings, string arrays and integers', () => {
    const h = parseRpmHeader(good);
    assert.equal(h.string(TAG.name), 'bash');
    assert.equal(h.int(TAG.epoch), 2);
    assert.deepEqual(h.strings(TAG.baseNames), ['bash', 'sh']);
    assert.equal(h.string(TAG.baseNames), 'bash');
    assert.equal(h.string(TAG.version), undefined);
  });

  // entry i sits at 8 + 16*i: tag, type, offset, count
  const hostile: [string, Buffer, RegExp, (h: ReturnType<typeof parseRpmHeader>) => unknown][] = [
    ['shorter than the intro', Buffer.alloc(5), /too short/, () => 0],
    ['no entries', patched(0, 0), /bad sizes/, () => 0],
    ['an entry count above rpm limits', patched(0, 0x7fffffff), /bad sizes/, () => 0],
    ['a truncated data store', good.subarray(0, good.length - 3), /truncated/, () => 0],
    ['a string offset past the data', patched(8 + 8, 9999), /outside/, (h) => h.string(TAG.name)],
    ['a negative string offset', patched(8 + 8, -4), /outside/, (h) => h.string(TAG.name)],
    ['a string array count of 2^32-1', patched(8 + 32 + 12, 0xffffffff), /outside/, (h) => h.strings(TAG.baseNames)],
    ['an integer count of 2^32-1', patched(8 + 16 + 12, 0xffffffff), /outside/, (h) => h.ints(TAG.epoch)],
    ['an integer tag typed as a string', patched(8 + 16 + 4, 6), /expected an integer/, (h) => h.int(TAG.epoch)],
    ['a string tag typed as binary', patched(8 + 4, 7), /expected a string/, (h) => h.string(TAG.name)],
  ];
  for (const [name, blob, err, use] of hostile) {
    it(`throws a short Error on ${name}`, { timeout: 2000 }, () => {
      assert.throws(() => use(parseRpmHeader(blob)), (e: Error) => err.test(e.message) && e.message.length < 200);
    });
  }

  it('throws on an unterminated string', () => {
    const b = Buffer.from(good);
    b[b.length - 1] = 0x41; // last NUL of the basenames array
    assert.throws(() => parseRpmHeader(b).strings(TAG.baseNames), /unterminated/);
  });
});
