/** Small helpers shared by the image checks: users, packages, binaries, the container command, locations. */
import type { Package } from '../../catalog/types.js';
import type { CheckLocation } from '../types.js';
import type { ImageCheckInput } from './input.js';

export interface PasswdEntry {
  name: string;
  password: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** Parses /etc/passwd (name:password:uid:gid:gecos:home:shell); malformed lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 4 || !/^\d+$/.test(f[2]!) || !/^\d+$/.test(f[3]!)) continue;
    out.push({ name: f[0]!, password: f[1]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '', shell: f[6] ?? '' });
  }
  return out;
}

/** Parses /etc/group (name:password:gid:members). */
export function parseGroup(text: string): { name: string; gid: number }[] {
  const out: { name: string; gid: number }[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !/^\d+$/.test(f[2]!)) continue;
    out.push({ name: f[0]!, gid: Number(f[2]) });
  }
  return out;
}

/** The user the container runs as: the USER value and whether it is root (uid 0 or the name root). */
export function runAsUser(input: ImageCheckInput): { user: string; root: boolean; why: string } {
  const raw = (input.config.config?.User ?? '').trim();
  if (!raw) return { user: '', root: true, why: 'no USER is set, so the container runs as root' };
  const name = raw.split(':')[0]!;
  if (name === '0' || name === 'root') return { user: raw, root: true, why: `USER is ${raw}` };
  if (/^\d+$/.test(name)) return { user: raw, root: false, why: '' };
  const passwd = input.readText('/etc/passwd');
  const entry = passwd ? parsePasswd(passwd).find((e) => e.name === name) : undefined;
  if (entry?.uid === 0) return { user: raw, root: true, why: `USER ${raw} has uid 0 in /etc/passwd` };
  return { user: raw, root: false, why: '' };
}

/** Installed OS packages whose name is in `names`. */
export function packagesNamed(input: ImageCheckInput, names: readonly string[]): Package[] {
  const set = new Set(names);
  return input.packages.filter((p) => (p.type === 'deb' || p.type === 'apk' || p.type === 'rpm') && set.has(p.name));
}

/** Which of the given absolute paths exist in the final filesystem as files (symlinks followed). */
export function existingFiles(input: ImageCheckInput, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const fe = input.files.get(input.resolve(p));
    if (fe && fe.entry.type !== 'dir') out.push(p);
  }
  return out;
}

/** ENTRYPOINT followed by CMD, as the runtime would start them. */
export function containerCommand(input: ImageCheckInput): string[] {
  const c = input.config.config;
  return [...(c?.Entrypoint ?? []), ...(c?.Cmd ?? [])];
}

/** created_by without the classic builder's "/bin/sh -c #(nop)" noise, cut to a readable length. */
export function shortCreatedBy(s: string | undefined, max = 120): string | undefined {
  if (!s) return undefined;
  const t = s.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/^\/bin\/sh -c /, 'RUN ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Location of a path in the final filesystem, with the layer that wrote it. */
export function fileLocation(input: ImageCheckInput, path: string): CheckLocation {
  const fe = input.files.get(input.resolve(path)) ?? input.files.get(path);
  if (!fe) return { path };
  return { path, layer: fe.layer, layerCreatedBy: shortCreatedBy(input.createdBy(fe.layer)) };
}

/** Permission bits only (some archives keep the file-type bits in the tar mode). */
export function permBits(mode: number): number {
  return mode & 0o7777;
}
