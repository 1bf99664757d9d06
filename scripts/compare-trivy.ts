/**
 * Compares Bulwark's inventory with the peer Trivy build's CycloneDX output on the same image:
 * name, version (with epoch) and source name/version (with epoch and revision).
 *   node --import tsx scripts/compare-trivy.ts [image ...]      (default: the images in ../shared/images)
 * Used by test/conformance/peer-trivy.test.ts; differences are explained in docs/peer-trivy.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanImage } from '../src/app/inventory.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(root, '..', 'shared');

export interface PkgKey {
  name: string;
  version: string;
  source: string;
  /** Bulwark only: a language package whose files an OS package owns */
  osManaged?: boolean;
}

export interface Comparison {
  image: string;
  peer: PkgKey[];
  bulwark: PkgKey[];
  onlyPeer: PkgKey[];
  onlyBulwark: PkgKey[];
  peerOs?: string;
  bulwarkOs?: string;
}

/** Installs (once) and returns the peer Trivy binary, or undefined when it cannot be had. */
export function peerTrivy(): string | undefined {
  const script = join(sharedDir, 'tools', 'peer-trivy.sh');
  if (!existsSync(script)) return undefined;
  try {
    return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

interface CdxComponent {
  type: string;
  name: string;
  version?: string;
  properties?: { name: string; value: string }[];
}

function trivyPackages(bin: string, image: string): { pkgs: PkgKey[]; os?: string } {
  const work = mkdtempSync(join(tmpdir(), 'bulwark-peer-'));
  try {
    let input = image;
    if (image.endsWith('.oci.tar')) {
      // the peer reads OCI layout directories, not OCI archives
      input = join(work, 'layout');
      execFileSync('mkdir', ['-p', input]);
      execFileSync('tar', ['-xf', image, '-C', input]);
    }
    const out = join(work, 'out.cdx.json');
    execFileSync(bin, ['image', '--input', input, '--format', 'cyclonedx', '-o', out, '--cache-dir', join(work, 'cache'),
      '--offline-scan', '--skip-db-update', '--skip-java-db-update', '--skip-policy-update', '-q'], { stdio: 'ignore' });
    const bom = JSON.parse(readFileSync(out, 'utf8')) as { components?: CdxComponent[] };
    const pkgs: PkgKey[] = [];
    let os: string | undefined;
    for (const c of bom.components ?? []) {
      if (c.type === 'operating-system') os = `${c.name} ${c.version}`;
      if (c.type !== 'library') continue;
      const p = Object.fromEntries((c.properties ?? []).map((x) => [x.name.replace('aquasecurity:trivy:', ''), x.value]));
      const version = p.PkgID?.includes('@') ? p.PkgID.slice(p.PkgID.lastIndexOf('@') + 1) : c.version ?? '';
      const srcVersion = p.SrcVersion ? `${p.SrcEpoch ? `${p.SrcEpoch}:` : ''}${p.SrcVersion}${p.SrcRelease ? `-${p.SrcRelease}` : ''}` : '';
      pkgs.push({ name: c.name, version, source: p.SrcName ? `${p.SrcName} ${srcVersion}` : '' });
    }
    return { pkgs, os };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const key = (p: PkgKey): string => `${p.name} ${p.version} (${p.source})`;

/** Runs both tools on one image and returns the differences. */
export async function compareImage(bin: string, image: string): Promise<Comparison> {
  const peer = trivyPackages(bin, image);
  const cache = mkdtempSync(join(tmpdir(), 'bulwark-cmp-'));
  try {
    const { inventory } = await scanImage(image, { cacheDir: cache, noCache: true });
    const bulwark = inventory.packages.map((p) => ({
      name: p.name,
      version: p.version,
      source: p.sourceName ? `${p.sourceName} ${p.sourceVersion ?? ''}` : '',
      ...(p.osManaged ? { osManaged: true } : {}),
    }));
    const pk = new Set(peer.pkgs.map(key));
    const bk = new Set(bulwark.map(key));
    return {
      image: basename(image),
      peer: peer.pkgs,
      bulwark,
      onlyPeer: peer.pkgs.filter((p) => !bk.has(key(p))),
      onlyBulwark: bulwark.filter((p) => !pk.has(key(p))),
      peerOs: peer.os,
      bulwarkOs: inventory.os ? `${inventory.os.family} ${inventory.os.version}` : undefined,
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

export const SHARED_IMAGES = ['alpine-3.10.docker.tar.gz', 'alpine-3.11.docker.tar.gz', 'debian-bookworm-ssh.oci.tar'].map((f) => join(sharedDir, 'images', f));

async function main(): Promise<void> {
  const bin = peerTrivy();
  if (!bin) {
    console.error('peer Trivy is not available (../shared/tools/peer-trivy.sh missing or failed)');
    process.exit(2);
  }
  const images = process.argv.slice(2).length ? process.argv.slice(2) : SHARED_IMAGES;
  for (const img of images) {
    const c = await compareImage(bin, img);
    console.log(`${c.image}: peer ${c.peer.length} packages (${c.peerOs}), bulwark ${c.bulwark.length} (${c.bulwarkOs})`);
    for (const p of c.onlyPeer) console.log(`  only peer:    ${key(p)}`);
    for (const p of c.onlyBulwark) console.log(`  only bulwark: ${key(p)}${p.osManaged ? ' [OS-managed]' : ''}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
