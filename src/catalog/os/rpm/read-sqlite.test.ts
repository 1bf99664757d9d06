import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { buildSqlite } from './__fixtures__/build-db.js';
import { packageBlob } from './__fixtures__/build-header.js';
import { readSqliteBlobs } from './read-sqlite.js';

const blobs = [packageBlob({ name: 'bash', version: '5.1', release: '1' }), packageBlob({ name: 'zlib', version: '1.2.11', release: '2' })];

/** A database built from raw SQL, for schemas a hostile image could ship. */
function fromSql(sql: string): Buffer {
  const db = new Database(':memory:');
  db.exec(sql);
  const out = db.serialize();
  db.close();
  return out;
}

describe('readSqliteBlobs', () => {
  it('reads blobs of a WAL-mode database from memory, leaving the input untouched', () => {
    const file = buildSqlite(blobs);
    const before = Buffer.from(file);
    assert.deepEqual(readSqliteBlobs(file), blobs);
    assert.deepEqual(file, before);
  });

  const hostile: [string, () => Buffer, RegExp][] = [
    ['a file that is not SQLite', () => Buffer.from('SQLite format 2\0' + 'x'.repeat(200)), /not an SQLite/],
    ['a truncated header', () => buildSqlite(blobs).subarray(0, 50), /truncated/],
    ['a truncated database', () => buildSqlite(blobs).subarray(0, 1024), /rpmdb\.sqlite/],
    ['no Packages table', () => fromSql('CREATE TABLE Other(x)'), /no plain Packages table/],
    [
      'a Packages view that never ends',
      () => fromSql('CREATE VIEW Packages AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS hnum, zeroblob(1000) AS blob FROM c'),
      /no plain Packages table/,
    ],
    ['a generated blob column', () => fromSql('CREATE TABLE Packages(hnum INTEGER PRIMARY KEY, blob AS (zeroblob(1000000)))'), /no plain blob column/],
    ['a row without a blob', () => fromSql("CREATE TABLE Packages(hnum INTEGER PRIMARY KEY, blob); INSERT INTO Packages VALUES (1, 'text')"), /no blob/],
  ];
  for (const [name, make, err] of hostile) {
    it(`throws a short Error on ${name}`, { timeout: 5000 }, () => {
      assert.throws(() => readSqliteBlobs(make()), (e: Error) => err.test(e.message) && e.message.length < 200);
    });
  }
});
