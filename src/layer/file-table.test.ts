import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTable } from './file-table.js';
import type { FileEntry } from './types.js';

const entries: FileEntry[] = [
  { path: '/', type: 'dir', mode: 0o755, size: 0, uid: 0, gid: 0 },
  { path: '/etc', type: 'dir', mode: 0o755, size: 0, uid: 0, gid: 0 },
  { path: '/etc/os-release', type: 'symlink', mode: 0o777, size: 0, uid: 0, gid: 0, link: '../usr/lib/os-release' },
  { path: '/usr/lib/os-release', type: 'file', mode: 0o644, size: 123, uid: 0, gid: 0 },
  { path: '/usr/bin/su', type: 'file', mode: 0o104755, size: 5_000_000_000, uid: 0, gid: 0 },
  { path: '/usr/bin/sudo', type: 'hardlink', mode: 0o4755, size: 0, uid: 0, gid: 0, link: '/usr/bin/su' },
  { path: '/home/ünïcødé/日本語.txt', type: 'file', mode: 0o600, size: 7, uid: 1000, gid: 1000 },
  { path: '/home/emoji/😀', type: 'other', mode: 0o20666, size: 0, uid: 4294967295, gid: 65534 },
  { path: '/wide/uid', type: 'file', mode: 0o644, size: 1, uid: 2 ** 40, gid: -1 },
  { path: '/wide/mode', type: 'file', mode: 0.5, size: 1, uid: 0, gid: 0 },
  { path: '/link/empty', type: 'symlink', mode: 0o777, size: 0, uid: 0, gid: 0, link: '' },
  { path: 'relative/name', type: 'file', mode: 0o644, size: 2, uid: 0, gid: 0 },
  { path: 'bare', type: 'file', mode: 0o644, size: 3, uid: 0, gid: 0 },
  { path: '/etc/os-release', type: 'file', mode: 0o644, size: 9, uid: 0, gid: 0 },
];

describe('FileTable', () => {
  it('gives back every entry exactly, in order (iteration, entry(), toJSON)', () => {
    const t = FileTable.from(entries);
    assert.equal(t.length, entries.length);
    assert.deepEqual([...t], entries);
    assert.deepEqual(entries.map((_, i) => t.entry(i)), entries);
    assert.equal(JSON.stringify(t), JSON.stringify(entries));
    assert.deepEqual(Object.keys(t.entry(2)), ['path', 'type', 'mode', 'size', 'uid', 'gid', 'link'], "the walker's key order");
  });

  it('reads rows by column', () => {
    const t = FileTable.from(entries);
    for (const [i, e] of entries.entries()) {
      assert.equal(t.path(i), e.path);
      assert.equal(t.type(i), e.type);
      assert.equal(t.isDir(i), e.type === 'dir');
      assert.equal(t.mode(i), e.mode);
      assert.equal(t.size(i), e.size);
      assert.equal(t.uid(i), e.uid);
      assert.equal(t.gid(i), e.gid);
      assert.equal(t.link(i), e.link);
      assert.equal(t.name(i), e.path.slice(e.path.lastIndexOf('/') + 1));
    }
  });

  it('interns directories: one string per directory, not per file', () => {
    const t = new FileTable();
    for (let i = 0; i < 1000; i++) t.add(`/usr/share/doc/pkg-${i % 10}/file-${i}`, 'file', 0o644, i, 0, 0);
    t.trim();
    assert.equal(t.dirs.length, 10);
    assert.equal(t.path(999), '/usr/share/doc/pkg-9/file-999');
    assert.equal(t.size(999), 999);
  });

  it('grows past its initial capacity and keeps adding after trim()', () => {
    const t = new FileTable();
    const many = Array.from({ length: 5000 }, (_, i): FileEntry => ({ path: `/d${i % 7}/${'x'.repeat(i % 300)}${i}`, type: 'file', mode: 0o644, size: i, uid: i, gid: 0 }));
    for (const e of many.slice(0, 2500)) t.add(e.path, e.type, e.mode, e.size, e.uid, e.gid);
    t.trim();
    for (const e of many.slice(2500)) t.add(e.path, e.type, e.mode, e.size, e.uid, e.gid);
    t.trim();
    assert.deepEqual([...t], many);
  });

  it('round-trips through its columns (what the layer cache stores)', () => {
    const t = FileTable.from(entries);
    const c = t.columns();
    const copy = FileTable.fromColumns({
      ...c,
      dirs: [...c.dirs],
      dirOf: c.dirOf.slice(),
      nameEnd: c.nameEnd.slice(),
      names: Uint8Array.from(c.names),
      types: c.types.slice(),
      modes: c.modes.slice(),
      uids: c.uids.slice(),
      gids: c.gids.slice(),
      sizes: c.sizes.slice(),
    });
    assert.deepEqual([...copy], entries);
    assert.equal(FileTable.fromColumns(new FileTable().columns()).length, 0);
  });

  it('rejects columns that do not fit together', () => {
    const c = FileTable.from(entries).columns();
    assert.throws(() => FileTable.fromColumns({ ...c, rows: c.rows + 1 }), /lengths/);
    assert.throws(() => FileTable.fromColumns({ ...c, names: c.names.subarray(1) }), /names/);
    assert.throws(() => FileTable.fromColumns({ ...c, dirs: c.dirs.slice(0, 1) }), /bad row/);
    assert.throws(() => FileTable.fromColumns({ ...c, links: [[c.rows, 'x']] }), /sparse/);
  });
});
