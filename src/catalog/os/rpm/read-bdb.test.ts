import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBdb } from './__fixtures__/build-db.js';
import { packageBlob } from './__fixtures__/build-header.js';
import { bufferSource } from './byte-source.js';
import { readBdbBlobs } from './read-bdb.js';

const blobs = [
  packageBlob({ name: 'bash', version: '5.1', release: '1', files: Array.from({ length: 100 }, (_, i) => `/usr/share/bash-completion/completions/file-${i}.sh`) }),
  packageBlob({ name: 'zlib', version: '1.2.11', release: '2' }),
];

/** Sets the next-page pointer of overflow page `pg`. */
function link(file: Buffer, pageSize: number, pg: number, next: number): void {
  file.writeUInt32LE(next, pg * pageSize + 16);
}

describe('readBdbBlobs', () => {
  it('reassembles header blobs from overflow chains, in header-number order', () => {
    const { file, chains } = buildBdb(blobs);
    assert.ok(chains[0]!.length > 2, 'the first blob spans several pages');
    assert.deepEqual(readBdbBlobs(bufferSource(file)), blobs);
  });

  const hostile: [string, (db: ReturnType<typeof buildBdb>) => Buffer, RegExp][] = [
    ['a wrong magic', ({ file }) => (file.writeUInt32LE(0x053162, 12), file), /bad magic/],
    ['a page size that is not a power of two', ({ file }) => (file.writeUInt32LE(1000, 20), file), /page size/],
    ['a last page past the end of the file', ({ file }) => (file.writeUInt32LE(1_000_000, 32), file), /past the end/],
    ['a truncated file', ({ file, pageSize }) => file.subarray(0, file.length - pageSize), /past the end|outside/],
    ['an overflow chain that loops back on itself', ({ file, pageSize, chains }) => (link(file, pageSize, chains[0]![1]!, chains[0]![0]!), file), /reached twice/],
    ['two items sharing one overflow chain', ({ file, pageSize }) => (file.writeUInt32LE(2, pageSize + pageSize - 17 - 17 + 4), file), /reached twice/],
    ['a chain that ends before its length', ({ file, pageSize, chains }) => (link(file, pageSize, chains[0]![0]!, 0), file), /ends early/],
    ['an item length larger than the file', ({ file, pageSize }) => (file.writeUInt32LE(0x7fffffff, pageSize + pageSize - 17 + 8), file), /exceeds the file/],
    ['an entry count that overflows the page', ({ file, pageSize }) => (file.writeUInt16LE(0xffff, pageSize + 20), file), /too many entries/],
    ['an item offset outside the page', ({ file, pageSize }) => (file.writeUInt16LE(4, pageSize + 26), file), /outside the page/],
    ['an overflow page with zero bytes', ({ file, pageSize, chains }) => (file.writeUInt16LE(0, chains[1]![0]! * pageSize + 22), file), /bad length/],
  ];
  for (const [name, spoil, err] of hostile) {
    it(`throws a short Error on ${name}`, { timeout: 2000 }, () => {
      const file = spoil(buildBdb(blobs));
      assert.throws(() => readBdbBlobs(bufferSource(file)), (e: Error) => err.test(e.message) && e.message.length < 200);
    });
  }
});
