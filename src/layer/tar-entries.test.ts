/**
 * Both tar entry readers (src/layer/tar-entries.ts + tar-header.ts) must see exactly what tar-stream sees:
 * same entries, same header fields, same bodies, and the same failures, on tars from tar-stream's own
 * packer, GNU tar (gnu, posix/pax, ustar) and hand-made hostile headers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as tar from 'tar-stream';
import type { EntryBody } from './tar-entries.js';
import type { TarHeader } from './tar-header.js';
import { forEachRegionEntry, forEachStreamEntry } from './tar-entries.js';
import { SHARED_SKIP, shared, tempDir } from '../../test/helpers/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
before(async () => ({ dir, cleanup } = await tempDir()));
after(() => cleanup());

interface Seen {
  name: string;
  type: string | null;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkname: string | null;
  body: string;
}

/** bodies compared by hash: the real layers hold 190 MB */
const digest = (b: Buffer): string => (b.length <= 64 ? b.toString('latin1') : createHash('sha256').update(b).digest('hex'));

async function viaTarStream(buf: Buffer): Promise<Seen[]> {
  const out: Seen[] = [];
  const ex = tar.extract();
  Readable.from([buf]).pipe(ex as unknown as NodeJS.WritableStream);
  for await (const e of ex) {
    const chunks: Buffer[] = [];
    for await (const c of e as unknown as AsyncIterable<Buffer>) chunks.push(c);
    const h = e.header;
    out.push({ name: h.name, type: h.type ?? null, size: h.size ?? 0, mode: h.mode ?? 0, uid: h.uid ?? 0, gid: h.gid ?? 0, linkname: h.linkname ?? null, body: digest(Buffer.concat(chunks)) });
  }
  return out;
}

function collector(out: Seen[]) {
  return async (h: TarHeader, body: EntryBody): Promise<void> => {
    const data = h.type === 'directory' ? {} : await body.read();
    const content = data.content ?? (data.tempPath ? await readFile(data.tempPath) : Buffer.alloc(0));
    out.push({ name: h.name, type: h.type, size: h.size, mode: h.mode, uid: h.uid, gid: h.gid, linkname: h.linkname, body: digest(content) });
  };
}

async function viaRegion(file: string, start = 0, size?: number, spoolBytes = 64): Promise<Seen[]> {
  const total = size ?? (await readFile(file)).length - start;
  const out: Seen[] = [];
  await forEachRegionEntry({ file, start, size: total }, collector(out), { spoolBytes, tmpDir: dir });
  return out;
}

/** The stream reader, fed in odd-sized chunks so headers and bodies straddle chunk boundaries. */
async function viaStream(buf: Buffer, spoolBytes = 64, chunk = 777): Promise<Seen[]> {
  const out: Seen[] = [];
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  await forEachStreamEntry(chunks(), collector(out), { spoolBytes, tmpDir: dir });
  return out;
}

async function packed(entries: { header: Partial<tar.Header> & { name: string }; body?: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry(e.header as tar.Header, e.body ?? '');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function same(buf: Buffer, name: string): Promise<Seen[]> {
  const file = join(dir, name);
  await writeFile(file, buf);
  const expected = await viaTarStream(buf);
  assert.deepEqual(await viaRegion(file), expected, 'region reader');
  assert.deepEqual(await viaStream(buf), expected, 'stream reader, 777-byte chunks');
  assert.deepEqual(await viaStream(buf, 1 << 20, 64 * 1024), expected, 'stream reader, 64 KiB chunks');
  return expected;
}

async function bothFail(buf: Buffer, name: string, pattern: RegExp): Promise<void> {
  const file = join(dir, name);
  await writeFile(file, buf);
  await assert.rejects(viaTarStream(buf), pattern, 'tar-stream');
  await assert.rejects(viaRegion(file), pattern, 'region reader');
  await assert.rejects(viaStream(buf), pattern, 'stream reader');
}

const long = 'd'.repeat(80) + '/' + 'e'.repeat(90) + '/file-with-a-long-name.txt';

describe('tar entry readers (by position, from a stream) = tar-stream', () => {
  it('tar-stream packs: files, dirs, links, pax long names and links, a body above the spool size', async () => {
    const seen = await same(
      await packed([
        { header: { name: 'etc/', type: 'directory', mode: 0o755 } },
        { header: { name: 'etc/os-release', mode: 0o644, uid: 1000, gid: 1000 }, body: 'ID=test\n' },
        { header: { name: 'usr/bin/tool', mode: 0o4755 }, body: '#!/bin/sh\necho hi\n' },
        { header: { name: 'big.bin', mode: 0o600 }, body: 'x'.repeat(5000) },
        { header: { name: 'etc/link', type: 'symlink', linkname: '../usr/bin/tool' } },
        { header: { name: 'etc/hard', type: 'link', linkname: 'etc/os-release' } },
        { header: { name: long, mode: 0o644 }, body: 'long' },
        { header: { name: 'etc/longlink', type: 'symlink', linkname: long } },
        { header: { name: 'empty', mode: 0o644 }, body: '' },
      ]),
      'pack.tar',
    );
    assert.equal(seen.find((s) => s.name === long)?.body, 'long');
    assert.equal(seen.find((s) => s.name === 'etc/longlink')?.linkname, long);
  });

  for (const format of ['gnu', 'posix', 'ustar', 'oldgnu']) {
    it(`GNU tar --format=${format}`, async (t) => {
      const src = join(dir, `src-${format}`);
      await mkdir(join(src, 'd'.repeat(80), 'e'.repeat(90)), { recursive: true });
      await writeFile(join(src, long), 'long body');
      await writeFile(join(src, 'small'), 'small body');
      await symlink('small', join(src, 'link'));
      const out = join(dir, `gnu-${format}.tar`);
      const r = spawnSync('tar', [`--format=${format}`, '-cf', out, '-C', src, '.'], { encoding: 'utf8' });
      if (r.error || r.status !== 0) {
        if (format === 'ustar' && /too long/.test(r.stderr)) return; // ustar cannot hold this name
        t.skip(`tar --format=${format} unavailable: ${r.stderr || r.error?.message}`);
        return;
      }
      const seen = await same(await readFile(out), `gnu-${format}-copy.tar`);
      assert.ok(seen.some((s) => s.name.endsWith('file-with-a-long-name.txt') && s.body === 'long body'));
    });
  }

  it('a region inside a bigger file (a docker-save member) reads only its own bytes', async () => {
    const inner = await packed([{ header: { name: 'a', mode: 0o644 }, body: 'inside' }]);
    const file = join(dir, 'embedded.bin');
    await writeFile(file, Buffer.concat([Buffer.alloc(1536, 7), inner, Buffer.alloc(999, 9)]));
    assert.deepEqual(await viaRegion(file, 1536, inner.length), await viaTarStream(inner));
  });

  it('zero blocks between entries are skipped, as tar-stream does', async () => {
    const a = await packed([{ header: { name: 'a' }, body: 'A' }]);
    const b = await packed([{ header: { name: 'b' }, body: 'B' }]);
    const seen = await same(Buffer.concat([a, b]), 'concat.tar');
    assert.deepEqual(
      seen.map((s) => s.name),
      ['a', 'b'],
    );
  });

  it('a bad checksum fails both', async () => {
    const buf = await packed([{ header: { name: 'a' }, body: 'A' }]);
    buf[0] = 'b'.charCodeAt(0);
    await bothFail(buf, 'cksum.tar', /Invalid tar header/);
  });

  it('a body cut short fails both with "Unexpected end of data"', async () => {
    const buf = await packed([{ header: { name: 'a' }, body: 'A'.repeat(3000) }]);
    await bothFail(buf.subarray(0, 512 + 1024), 'cut.tar', /Unexpected end of data/);
  });

  it('a partial block at the end fails both', async () => {
    const buf = await packed([{ header: { name: 'a' }, body: 'A' }]);
    await bothFail(Buffer.concat([buf.subarray(0, 1024), Buffer.alloc(100, 1)]), 'partial.tar', /Unexpected end of data/);
  });

  it('v7 headers without a ustar magic are rejected by both', async () => {
    const buf = await packed([{ header: { name: 'a' }, body: 'A' }]);
    buf.fill(0, 257, 265);
    let sum = 0;
    buf.fill(32, 148, 156);
    for (let i = 0; i < 512; i++) sum += buf[i]!;
    buf.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    await bothFail(buf, 'v7.tar', /unknown format/);
  });

  it('an oversized pax record is refused by both', async () => {
    const buf = await packed([{ header: { name: 'a', pax: { comment: 'x'.repeat(4 * 1024 * 1024 + 10) } }, body: 'A' }]);
    await bothFail(buf, 'bigpax.tar', /Header exceeds max size/);
  });
});

describe('tar entry readers on real layers', () => {
  it('the three Debian bookworm layers read the same as through tar-stream', async (t) => {
    const archive = shared('images/debian-bookworm-ssh.oci.tar');
    if (!archive) return t.skip(SHARED_SKIP);
    const out = join(dir, 'debian-oci');
    await mkdir(out);
    const r = spawnSync('tar', ['-xf', archive, '-C', out]);
    assert.equal(r.status, 0);
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
    const blob = (d: string): string => join(out, 'blobs', 'sha256', d.slice(7));
    const manifest = JSON.parse(await readFile(blob(index.manifests[0].digest), 'utf8'));
    let entries = 0;
    for (const l of manifest.layers as { digest: string }[]) {
      const layer = gunzipSync(await readFile(blob(l.digest)));
      const file = join(out, `${l.digest.slice(7)}.tar`);
      await writeFile(file, layer);
      const expected = await viaTarStream(layer);
      assert.deepEqual(await viaRegion(file, 0, undefined, 8 * 1024 * 1024), expected, 'region reader');
      assert.deepEqual(await viaStream(layer, 8 * 1024 * 1024, 256 * 1024), expected, 'stream reader');
      entries += expected.length;
    }
    assert.ok(entries > 5000, `${entries} entries`);
  });
});
