/**
 * Test support: writes a HostFixture into a temp root. As root, files get the fixture's uid/gid
 * (default 0). Unprivileged, files keep the test's own uid/gid, which the scan then treats as root
 * (`rootIds`); fixtures that need another owner cannot be built and are reported as `needsRoot`.
 */
import { chownSync, mkdirSync, symlinkSync, writeFileSync, chmodSync, lchownSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HostFixture } from './input.js';

/** Is this process root? */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid/gid the scan should treat as root for a fixture built by this process. */
export function fixtureRootIds(): { uid: number; gid: number } {
  return isRoot() ? { uid: 0, gid: 0 } : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

/** Does the fixture need chown to a foreign owner (only possible as root)? */
export function needsRoot(f: HostFixture): boolean {
  return Object.values(f.files ?? {}).some((x) => (x.uid ?? 0) !== 0 || (x.gid ?? 0) !== 0);
}

/** Materialises the fixture under `dir` (parents 0755 root:root). */
export function writeFixture(f: HostFixture, dir: string): void {
  const root = isRoot();
  for (const [path, file] of Object.entries(f.files ?? {})) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true, mode: 0o755 });
    if (file.type === 'symlink') {
      symlinkSync(file.target ?? '', abs);
      if (root) lchownSync(abs, file.uid ?? 0, file.gid ?? 0);
      continue;
    }
    if (file.type === 'dir') mkdirSync(abs, { recursive: true });
    else writeFileSync(abs, file.content ?? '');
    chmodSync(abs, parseInt(file.mode ?? (file.type === 'dir' ? '0755' : '0644'), 8));
    if (root) chownSync(abs, file.uid ?? 0, file.gid ?? 0);
  }
}
