/**
 * The large synthetic image of the benchmark, written with Bulwark's own image writer
 * (dist/image/writer.js): 5 gzip layers shaped like a real application image. Scale 1 is about
 * 2 GiB and 300k files; scale 0.1 is the same shape at about 200 MiB and 30k files.
 *   layer 1  base OS: os-release, dpkg status (2k packages), info/*.list, copyright files, ELF binaries, text
 *   layer 2  Python: dist-info METADATA/RECORD and modules
 *   layer 3  Node app: node_modules/<pkg>/package.json and sources (scoped and plain)
 *   layer 4  data: large incompressible blobs, an app cache dir
 *   layer 5  update: dpkg status overwritten, files and a package dir deleted (whiteouts), cache dir made opaque
 * File contents come from a small pool of shared buffers (seeded PRNG), so the generator stays small in memory.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Bump when the shape changes: cached images are keyed by it. */
export const SHAPE_VERSION = 1;

const TOTAL_BYTES = 2 * 1024 ** 3;
const TOTAL_FILES = 300_000;

/** xorshift32: deterministic content without the cost of a CSPRNG. */
function prng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const WORDS = (
  'the of and to in is for on that with as by this from are be or at an it not which have can all config value ' +
  'return function module export import const let var if else while object string number error handler request ' +
  'response server client buffer stream file path layer image package version license copyright data index'
).split(' ');

/** Text that compresses about 3-4x, like source and docs. */
function text(size, rnd) {
  const parts = [];
  let n = 0;
  let line = 0;
  while (n < size) {
    const w = WORDS[rnd() % WORDS.length] + (rnd() % 7 === 0 ? String(rnd() % 1000) : '');
    line += w.length + 1;
    const sep = line > 72 ? '\n' : ' ';
    if (line > 72) line = 0;
    parts.push(w, sep);
    n += w.length + 1;
  }
  return Buffer.from(parts.join('')).subarray(0, size);
}

function random(size, rnd) {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE(rnd(), i);
  return b;
}

/** A 64-bit little-endian ELF header without sections, then incompressible bytes. */
function elf(size, rnd) {
  const b = random(size, rnd);
  b.fill(0, 0, 64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  b.writeUInt16LE(64, 0x3a); // e_shentsize, e_shoff = 0: no section table
  return b;
}

function pad(n, w = 5) {
  return String(n).padStart(w, '0');
}

function dpkgStanza(i, version) {
  return [
    `Package: benchpkg-${pad(i)}`,
    'Status: install ok installed',
    'Priority: optional',
    `Section: ${['libs', 'utils', 'net', 'admin'][i % 4]}`,
    `Installed-Size: ${100 + (i % 900)}`,
    'Maintainer: Bulwark Bench <bench@example.invalid>',
    'Architecture: amd64',
    `Source: benchsrc-${pad(Math.floor(i / 3))}`,
    `Version: ${version}`,
    'Depends: libc6 (>= 2.36)',
    `Description: synthetic package ${i} for the benchmark`,
    ' A longer description line, as real packages have one or more.',
    '',
  ].join('\n');
}

/**
 * Returns the ImageSpec of the synthetic image at `scale` (1 = ~2 GiB / 300k files) and a summary.
 */
export function syntheticSpec(scale) {
  const rnd = prng(0xb01dface);
  const k = (n) => Math.max(1, Math.round(n * scale));
  const debs = k(2000);
  const elfs = k(1500);
  const pys = k(1000);
  const npms = k(5000);
  const blobs = 8;
  const blobSize = k(40 * 1024 ** 2);
  const cacheFiles = k(500);

  const elfPool = Array.from({ length: 8 }, (_, i) => elf(64 * 1024 * (1 + i * 1.3) | 0, rnd)); // 64 KiB … 740 KiB
  const blob = random(blobSize, rnd);
  const small = Array.from({ length: 32 }, (_, i) => text(300 + i * 150, rnd)); // package files, 300 B … 5 KiB

  const L = [[], [], [], [], []];
  let bytes = 0;
  let files = 0;
  const add = (layer, f) => {
    L[layer].push(f);
    bytes += f.content ? f.content.length : f.size ?? 0;
    files++;
  };

  // layer 1: base OS
  add(0, { path: '/etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n' });
  add(0, { path: '/etc/debian_version', content: '12.5\n' });
  const status = [];
  for (let i = 0; i < debs; i++) {
    status.push(dpkgStanza(i, `1.${i % 50}.${i % 7}-${1 + (i % 3)}`));
    const owned = [`/usr/bin/benchpkg-${pad(i)}`, `/usr/share/doc/benchpkg-${pad(i)}/copyright`, `/usr/lib/benchpkg-${pad(i)}/data.txt`];
    add(0, { path: `/var/lib/dpkg/info/benchpkg-${pad(i)}.list`, content: `/.\n/usr\n/usr/bin\n${owned.join('\n')}\n` });
    add(0, { path: `/usr/share/doc/benchpkg-${pad(i)}/copyright`, content: `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: ${['MIT', 'GPL-2+', 'Apache-2.0', 'BSD-3-clause'][i % 4]}\n` });
  }
  add(0, { path: '/var/lib/dpkg/status', content: status.join('\n') });
  for (let i = 0; i < elfs; i++) add(0, { path: `/usr/${i % 3 ? 'lib/x86_64-linux-gnu' : 'bin'}/bench-bin-${pad(i)}`, content: elfPool[i % elfPool.length], mode: 0o755 });

  // layer 2: Python
  for (let i = 0; i < pys; i++) {
    const d = `/usr/local/lib/python3.11/site-packages/benchpy${pad(i)}-1.${i % 20}.0.dist-info`;
    add(1, { path: `${d}/METADATA`, content: `Metadata-Version: 2.1\nName: benchpy${pad(i)}\nVersion: 1.${i % 20}.0\nSummary: synthetic\nLicense: MIT\n\n${small[i % 8].toString()}` });
    add(1, { path: `${d}/RECORD`, content: small[(i + 3) % 32] });
    for (let j = 0; j < 8; j++) add(1, { path: `/usr/local/lib/python3.11/site-packages/benchpy${pad(i)}/mod${j}.py`, content: small[(i + j) % 32] });
  }

  // layer 3: Node app
  for (let i = 0; i < npms; i++) {
    const name = i % 10 === 0 ? `@bench/pkg${pad(i)}` : `benchnpm-${pad(i)}`;
    const dir = `/app/node_modules/${name}`;
    add(2, { path: `${dir}/package.json`, content: JSON.stringify({ name, version: `2.${i % 30}.${i % 11}`, license: 'MIT', description: 'synthetic', main: 'index.js' }, null, 2) });
    for (let j = 0; j < 6; j++) add(2, { path: `${dir}/${j ? `lib/part${j}.js` : 'index.js'}`, content: small[(i * 7 + j) % 32] });
  }
  add(2, { path: '/app/package.json', content: JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true }) });

  // layer 4: data
  for (let i = 0; i < blobs; i++) add(3, { path: `/opt/models/blob-${i}.bin`, content: blob });
  for (let i = 0; i < cacheFiles; i++) add(3, { path: `/var/cache/app/entry-${pad(i)}.txt`, content: small[i % 32] });

  // layer 5: update (overwrites and deletions)
  const status2 = status.slice(0, debs - Math.ceil(debs / 100)).map((s, i) => (i % 40 === 0 ? s.replace(/^Version: (.*)$/m, 'Version: $1+deb12u1') : s));
  add(4, { path: '/var/lib/dpkg/status', content: status2.join('\n') });
  for (let i = 0; i < Math.ceil(debs / 100); i++) add(4, { path: `/usr/bin/bench-bin-${pad(i * 3)}`, type: 'whiteout' });
  add(4, { path: `/app/node_modules/benchnpm-${pad(1)}`, type: 'whiteout' });
  add(4, { path: '/var/cache/app', type: 'opaque' });
  for (let i = 0; i < 3; i++) add(4, { path: `/var/cache/app/fresh-${i}.txt`, content: small[i] });
  add(4, { path: '/etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n' });

  // text filler to reach the byte and file totals, spread over layers 1-4
  const fillFiles = Math.max(0, k(TOTAL_FILES) - files);
  const fillBytes = Math.max(0, k(TOTAL_BYTES) - bytes);
  const avg = fillFiles ? fillBytes / fillFiles : 0;
  const pool = Array.from({ length: 64 }, (_, i) => text(Math.max(16, Math.round(avg * (0.1 + (1.8 * i) / 63))), rnd));
  const share = [0.4, 0.15, 0.25, 0.2];
  let n = 0;
  for (const [layer, s] of share.entries()) {
    const count = layer === 3 ? fillFiles - n : Math.round(fillFiles * s);
    for (let i = 0; i < count; i++, n++) {
      const area = ['share', 'lib', 'include', 'src'][n % 4];
      add(layer, { path: `/usr/${area}/bench-${layer}/d${pad(Math.floor(n / 2500), 3)}/s${pad(Math.floor(n / 50) % 50, 2)}/file-${pad(n, 6)}.txt`, content: pool[(n * 31) % 64] });
    }
  }
  const titles = ['base OS', 'python', 'node app', 'data', 'update'];
  return {
    spec: { layers: L.map((files, i) => ({ files, compression: 'gzip', createdBy: `bench: ${titles[i]}` })), created: '2024-01-01T00:00:00Z', config: { Cmd: ['/bin/sh'] } },
    summary: { scale, files, bytes, debs, npms, pys, elfs },
  };
}

/** Writes the synthetic OCI layout once (cached under `dir`); returns its path. */
export async function ensureSynthetic(writerModule, dir, scale, log) {
  if (existsSync(`${dir}/index.json`)) return dir;
  const { writeImage } = await import(writerModule);
  const { spec, summary } = syntheticSpec(scale);
  log(`writing synthetic image (scale ${scale}: ${summary.files} files, ${(summary.bytes / 1024 ** 2).toFixed(0)} MiB) to ${dir} — once, it is cached`);
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await writeImage(spec, tmp, { format: 'oci-layout', refName: 'bench' });
  await rename(tmp, dir);
  return dir;
}
