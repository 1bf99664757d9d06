/**
 * rpm: installed packages of Red Hat, Fedora, SUSE, Amazon, Mariner/Azure Linux, Photon … images,
 * read natively (no rpm binary) from the sqlite, BerkeleyDB hash or ndb package database. The
 * format is chosen from the file's magic bytes, not its name.
 */
import { readFileSync } from 'node:fs';
import type { AnalyzerFile, Cataloger, ParsedPackage, ParseResult } from '../../types.js';
import { bufferSource, fileSource, type ByteSource } from './byte-source.js';
import { rpmPackageFromBlob } from './package.js';
import { isBdbHash, readBdbBlobs } from './read-bdb.js';
import { isNdb, readNdbBlobs } from './read-ndb.js';
import { isSqlite, readSqliteBlobs } from './read-sqlite.js';

/** Where rpm keeps its database (/var/lib/rpm is a symlink to /usr/lib/sysimage/rpm on newer distros). */
export const RPMDB_PATHS = [
  '/var/lib/rpm/rpmdb.sqlite',
  '/usr/lib/sysimage/rpm/rpmdb.sqlite',
  '/var/lib/rpm/Packages',
  '/usr/lib/sysimage/rpm/Packages',
  '/var/lib/rpm/Packages.db',
  '/usr/lib/sysimage/rpm/Packages.db',
] as const;

const WANTED = new Set<string>(RPMDB_PATHS);

/** Header blobs from a database in any of the three formats, told apart by magic bytes. */
export function readRpmdbBlobs(src: ByteSource, whole: () => Buffer): Buffer[] {
  const head = src.read(0, Math.min(src.size, 16));
  if (isSqlite(head)) return readSqliteBlobs(whole());
  if (isNdb(head)) return readNdbBlobs(src);
  if (isBdbHash(head)) return readBdbBlobs(src);
  throw new Error('not an rpm database (unknown magic)');
}

/** Packages of an rpm database file; gpg-pubkey entries are left out. */
export function parseRpmdb(src: ByteSource, whole: () => Buffer): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const blob of readRpmdbBlobs(src, whole)) {
    const pkg = rpmPackageFromBlob(blob);
    if (pkg) out.push(pkg);
  }
  return out;
}

function analyzeFile(file: AnalyzerFile): ParseResult {
  if (file.content) {
    const buf = file.content;
    return { packages: parseRpmdb(bufferSource(buf), () => buf) };
  }
  if (!file.tempPath) return { packages: [] };
  const path = file.tempPath;
  const src = fileSource(path);
  try {
    return { packages: parseRpmdb(src, () => readFileSync(path)) };
  } finally {
    src.close();
  }
}

export const rpmCataloger: Cataloger = {
  name: 'rpm-db-cataloger',
  version: 1,
  packageTypes: ['rpm'],
  // sqlite databases are read into memory; BerkeleyDB and ndb files page by page
  maxSize: 512 * 1024 * 1024,
  wants: (path) => WANTED.has(path),
  analyze: analyzeFile,
};
