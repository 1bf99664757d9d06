/** Test vocabulary: temp dirs, images built with Bulwark's own writer, running the CLI, shared/ data. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeImage, type ImageSpec, type WriteOptions, type WrittenImage } from '../../src/image/writer.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** Path into ../shared, or undefined (tests then skip with a message) when it is absent. */
export function shared(rel: string): string | undefined {
  const p = join(sharedDir, rel);
  return existsSync(p) ? p : undefined;
}
export const SHARED_SKIP = '../shared is absent (real-data conformance test skipped)';

export async function tempDir(prefix = 'bulwark-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function makeImage(dir: string, spec: ImageSpec, opts: WriteOptions, name = 'img'): Promise<WrittenImage> {
  const ext = opts.format === 'oci-layout' ? '' : opts.gzipArchive ? '.tar.gz' : '.tar';
  return writeImage(spec, join(dir, `${name}-${opts.format}${ext}`), opts);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/) as a user would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'bulwark.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A small Debian-like image: dpkg status over two layers, os-release via symlink, a whiteout. */
export function debianLikeSpec(): ImageSpec {
  const status1 = 'Package: base-files\nStatus: install ok installed\nVersion: 12.4\nArchitecture: amd64\n\nPackage: libssl3\nStatus: install ok installed\nSource: openssl (3.0.11-1~deb12u2)\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n';
  const status2 = status1 + '\nPackage: curl\nStatus: install ok installed\nVersion: 7.88.1-10+deb12u5\nArchitecture: amd64\n\nPackage: removed-pkg\nStatus: deinstall ok config-files\nVersion: 1.0\nArchitecture: amd64\n';
  return {
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [
          { path: 'etc', type: 'dir' },
          { path: 'usr/lib/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n' },
          { path: 'etc/os-release', type: 'symlink', link: '../usr/lib/os-release' },
          { path: 'etc/debian_version', content: '12.5\n' },
          { path: 'var/lib/dpkg/status', content: status1 },
          { path: 'usr/bin/tool', content: 'x'.repeat(100), mode: 0o755 },
        ],
      },
      {
        createdBy: 'RUN apt-get install -y curl',
        files: [
          { path: 'var/lib/dpkg/status', content: status2 },
          { path: 'var/lib/dpkg/info/curl.list', content: '/.\n/usr/bin/curl\n' },
          { path: 'usr/bin/tool', type: 'whiteout' },
        ],
      },
    ],
    config: { Cmd: ['bash'], Env: ['PATH=/usr/bin'] },
  };
}
