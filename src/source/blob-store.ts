/** Random access to the members of an archive or layout directory: small JSON reads and blob streams. */
import { createReadStream } from 'node:fs';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { BulwarkError } from '../shared/errors.js';
import { indexTar, type TarMember } from './tar-index.js';
import type { FileRegion } from './types.js';

export interface BlobStore {
  /** human name for messages: the archive or directory path */
  readonly label: string;
  has(path: string): Promise<boolean>;
  size(path: string): Promise<number>;
  read(path: string, maxBytes: number): Promise<Buffer>;
  stream(path: string): Promise<Readable>;
  /** the member's bytes as a region of a local file (both stores have one) */
  locate(path: string): Promise<FileRegion>;
}

function cleanMember(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

export class TarBlobStore implements BlobStore {
  private constructor(
    readonly label: string,
    private readonly file: string,
    private readonly members: Map<string, TarMember>,
  ) {}

  static async open(file: string, label = file): Promise<TarBlobStore> {
    return new TarBlobStore(label, file, await indexTar(file));
  }

  private member(path: string): TarMember {
    const m = this.members.get(cleanMember(path));
    if (!m) throw new BulwarkError('MALFORMED_MANIFEST', `${this.label}: member ${path} is missing from the archive`);
    if (m.type === 'symlink' || m.type === 'link') {
      // docker save links duplicate layers; follow one level within the archive
      const target = m.linkname ? this.members.get(cleanMember(m.linkname)) : undefined;
      if (target && target.type !== 'symlink' && target.type !== 'link') return target;
      throw new BulwarkError('MALFORMED_MANIFEST', `${this.label}: member ${path} is a link that cannot be followed`);
    }
    return m;
  }

  async has(path: string): Promise<boolean> {
    return this.members.has(cleanMember(path));
  }

  async size(path: string): Promise<number> {
    return this.member(path).size;
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const m = this.member(path);
    if (m.size > maxBytes) throw new BulwarkError('TOO_LARGE', `${this.label}: ${path} is ${m.size} bytes, more than the ${maxBytes} allowed`);
    if (m.size === 0) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(this.file, { start: m.offset, end: m.offset + m.size - 1 })) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async stream(path: string): Promise<Readable> {
    const m = this.member(path);
    if (m.size === 0) return Readable.from([]);
    return createReadStream(this.file, { start: m.offset, end: m.offset + m.size - 1, highWaterMark: 256 * 1024 });
  }

  async locate(path: string): Promise<FileRegion> {
    const m = this.member(path);
    return { file: this.file, start: m.offset, size: m.size };
  }
}

/** An OCI layout directory. Paths are confined to the directory: symlinks out of it are refused. */
export class DirBlobStore implements BlobStore {
  constructor(
    readonly label: string,
    private readonly root: string,
  ) {}

  private async resolve(path: string): Promise<string> {
    const full = join(this.root, cleanMember(path));
    let real: string;
    try {
      real = await realpath(full);
    } catch {
      throw new BulwarkError('MALFORMED_MANIFEST', `${this.label}: ${path} is missing from the layout`);
    }
    const rootReal = await realpath(this.root);
    const rel = relative(rootReal, real);
    if (rel.startsWith('..') || rel.startsWith(sep)) {
      throw new BulwarkError('UNSAFE_PATH', `${this.label}: ${path} points outside the layout directory`);
    }
    return real;
  }

  async has(path: string): Promise<boolean> {
    try {
      await lstat(join(this.root, cleanMember(path)));
      return true;
    } catch {
      return false;
    }
  }

  async size(path: string): Promise<number> {
    return (await lstat(await this.resolve(path))).size;
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const p = await this.resolve(path);
    const { size } = await lstat(p);
    if (size > maxBytes) throw new BulwarkError('TOO_LARGE', `${this.label}: ${path} is ${size} bytes, more than the ${maxBytes} allowed`);
    return readFile(p);
  }

  async stream(path: string): Promise<Readable> {
    return createReadStream(await this.resolve(path), { highWaterMark: 256 * 1024 });
  }

  async locate(path: string): Promise<FileRegion> {
    const file = await this.resolve(path);
    return { file, start: 0, size: (await lstat(file)).size };
  }
}
