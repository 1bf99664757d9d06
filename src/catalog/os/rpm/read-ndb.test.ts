import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNdb } from './__fixtures__/build-db.js';
import { packageBlob } from './__fixtures__/build-header.js';
import { bufferSource } from './byte-source.js';
import { readNdbBlobs } from './read-ndb.js';

const blobs = [packageBlob({ name: 'glibc', version: '2.31', release: '9.3.2' }), packageBlob({ name: 'zlib', version: '1.2.11', release: '2' })];
// slot i (1-based) sits at 32 + (i-1)*16: magic, pkgidx, blkoff, blkcnt
const SLOT1 = 32;

describe('readNdbBlobs', () => {
  it('reads every used slot', () => {
    assert.deepEqual(readNdbBlobs(bufferSource(buildNdb(blobs))), blobs);
  });

  const hostile: [string, (f: Buffer) => Buffer, RegExp][] = [
    ['a wrong magic', (f) => (f.write('RpmX', 0, 'latin1'), f), /bad magic/],
    ['an unknown version', (f) => (f.writeUInt32LE(7, 4), f), /version/],
    ['a slot page count beyond the file', (f) => (f.writeUInt32LE(0xffffffff, 12), f), /slot page count/],
    ['a corrupt slot magic', (f) => (f.write('Slut', SLOT1, 'latin1'), f), /bad magic/],
    ['a slot pointing past the end', (f) => (f.writeUInt32LE(0xfffffff0, SLOT1 + 8), f), /outside the file/],
    ['a slot pointing into the slot pages', (f) => (f.writeUInt32LE(1, SLOT1 + 8), f), /outside the file/],
    ['overlapping slots', (f) => (f.writeUInt32LE(f.readUInt32LE(SLOT1 + 8), SLOT1 + 16 + 8), f), /overlap/],
    ['a blob longer than its blocks', (f) => (f.writeUInt32LE(0x7fffffff, 4096 + 12), f), /overruns/],
    ['a blob of another package', (f) => (f.writeUInt32LE(9, 4096 + 4), f), /another package/],
    ['a truncated file', (f) => f.subarray(0, f.length - 20), /outside the file/],
  ];
  for (const [name, spoil, err] of hostile) {
    it(`throws a short Error on ${name}`, { timeout: 2000 }, () => {
      assert.throws(() => readNdbBlobs(bufferSource(spoil(buildNdb(blobs)))), (e: Error) => err.test(e.message) && e.message.length < 200);
    });
  }
});
