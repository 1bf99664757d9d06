/** `docker inspect` output (a JSON array of containers), read defensively: every field may be missing or mistyped. */
import { readFile, stat } from 'node:fs/promises';
import { BulwarkError } from '../../shared/errors.js';

/** Largest inspect file accepted. */
export const MAX_INSPECT_BYTES = 64 * 1024 * 1024;

/** One container as `docker inspect` prints it (only the fields the checks read). */
export interface InspectContainer {
  Id?: string;
  Name?: string;
  Path?: string;
  Args?: unknown[];
  AppArmorProfile?: string;
  Config?: { User?: string; Image?: string; Cmd?: unknown; Entrypoint?: unknown; Healthcheck?: { Test?: unknown[] } };
  HostConfig?: Record<string, unknown>;
  Mounts?: { Type?: string; Source?: string; Destination?: string; RW?: boolean; Propagation?: string }[];
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> };
}

/** Reads and validates an inspect file; throws MALFORMED_CONFIG / TOO_LARGE / NOT_FOUND with one line. */
export async function loadInspect(file: string): Promise<InspectContainer[]> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BulwarkError('NOT_FOUND', `${file}: inspect file not found`);
  }
  if (size > MAX_INSPECT_BYTES) throw new BulwarkError('TOO_LARGE', `${file}: inspect file is larger than ${MAX_INSPECT_BYTES} bytes`);
  return parseInspect(await readFile(file, 'utf8'), file);
}

/** Parses `docker inspect` JSON (an array, or a single object). */
export function parseInspect(text: string, file: string): InspectContainer[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BulwarkError('MALFORMED_CONFIG', `${file}: invalid docker inspect JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(json) ? json : [json];
  for (const [i, c] of list.entries()) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new BulwarkError('MALFORMED_CONFIG', `${file}: entry ${i} is not a container object`);
  }
  return list as InspectContainer[];
}

/** "web (3f2a1b9c0d1e)" */
export function containerLabel(c: InspectContainer): string {
  const name = typeof c.Name === 'string' ? c.Name.replace(/^\//, '') : '(unnamed)';
  return typeof c.Id === 'string' ? `container ${name} (${c.Id.slice(0, 12)})` : `container ${name}`;
}

/** A HostConfig field. */
export function hc(c: InspectContainer, key: string): unknown {
  return typeof c.HostConfig === 'object' && c.HostConfig !== null ? c.HostConfig[key] : undefined;
}

/** HostConfig.SecurityOpt as strings. */
export function securityOpts(c: InspectContainer): string[] {
  const v = hc(c, 'SecurityOpt');
  return Array.isArray(v) ? v.map(String) : [];
}

/** Host-side sources of bind mounts (Mounts[] and HostConfig.Binds), with writability. */
export function bindMounts(c: InspectContainer): { source: string; rw: boolean; propagation?: string }[] {
  const out: { source: string; rw: boolean; propagation?: string }[] = [];
  for (const m of Array.isArray(c.Mounts) ? c.Mounts : []) {
    if (m && typeof m.Source === 'string' && (m.Type === 'bind' || m.Type === undefined)) out.push({ source: m.Source, rw: m.RW !== false, propagation: m.Propagation });
  }
  const binds = hc(c, 'Binds');
  for (const b of Array.isArray(binds) ? binds : []) {
    const [src, , opts = ''] = String(b).split(':');
    if (!src?.startsWith('/') || out.some((m) => m.source === src)) continue;
    const o = opts.split(',');
    out.push({ source: src, rw: !o.includes('ro'), propagation: o.find((x) => /^r?(shared|slave|private)$/.test(x)) });
  }
  return out;
}

/** Published ports: container port and host binding (NetworkSettings.Ports, else HostConfig.PortBindings). */
export function publishedPorts(c: InspectContainer): { port: string; hostIp: string; hostPort: number }[] {
  const src = (c.NetworkSettings?.Ports ?? hc(c, 'PortBindings')) as Record<string, { HostIp?: unknown; HostPort?: unknown }[] | null> | undefined;
  const out: { port: string; hostIp: string; hostPort: number }[] = [];
  if (typeof src !== 'object' || src === null) return out;
  for (const [port, binds] of Object.entries(src)) {
    for (const b of Array.isArray(binds) ? binds : []) {
      const hostPort = Number(b?.HostPort);
      if (Number.isFinite(hostPort) && hostPort > 0) out.push({ port, hostIp: String(b?.HostIp ?? ''), hostPort });
    }
  }
  return out;
}
