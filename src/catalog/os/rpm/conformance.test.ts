/**
 * Real databases from ../shared/rpmdb (test data of knqyf263/go-rpmdb): every package's name, epoch,
 * version, release, arch and source RPM must match expected.json exactly, read both from memory and
 * through the temp-file path used for large files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { shared, SHARED_SKIP } from '../../../../test/helpers/fixtures.js';
import type { ParsedPackage } from '../../types.js';
import { bufferSource, fileSource } from './byte-source.js';
import { parseRpmdb } from './cataloger.js';

interface Expected {
  name: string;
  epoch: number | null;
  version: string;
  release: string;
  arch: string;
  sourceRpm: string | null;
}

function row(p: ParsedPackage): Expected {
  const release = p.release ?? '';
  return {
    name: p.name,
    epoch: p.epoch ?? null,
    version: release ? p.version.slice(0, -(release.length + 1)) : p.version,
    release,
    arch: p.arch ?? '',
    sourceRpm: (p.metadata?.sourceRpm as string | undefined) ?? null,
  };
}

function sorted(rows: Expected[]): Expected[] {
  return [...rows].sort((a, b) => (a.name + a.arch < b.name + b.arch ? -1 : 1));
}

const cases = [
  ['cbl-mariner-2.0', 'rpmdb.sqlite', 129],
  ['sle15-bci', 'Packages.db', 35],
  ['libuuid', 'Packages', 1],
] as const;

describe('rpm databases of real distributions', () => {
  for (const [name, file, count] of cases) {
    const dir = shared(join('rpmdb', name));
    it(`${name}/${file}: ${count} packages exactly as rpm lists them`, { skip: !dir && SHARED_SKIP }, () => {
      const path = join(dir!, file);
      const want = JSON.parse(readFileSync(join(dir!, 'expected.json'), 'utf8')) as Expected[];
      assert.equal(want.length, count);
      const buf = readFileSync(path);
      const fromMemory = parseRpmdb(bufferSource(buf), () => buf);
      assert.deepEqual(sorted(fromMemory.map(row)), sorted(want));
      const src = fileSource(path);
      try {
        assert.deepEqual(parseRpmdb(src, () => readFileSync(path)), fromMemory);
      } finally {
        src.close();
      }
      for (const p of fromMemory) {
        assert.ok(p.files?.every((f) => f.startsWith('/')), `${p.name} has absolute file paths`);
        assert.equal(p.sourceName && p.sourceVersion ? `${p.sourceName}-${p.sourceVersion}.src.rpm` : undefined, p.metadata?.sourceRpm);
      }
    });
  }
});
