/** Entry point for `bulwark host [--root <dir>] [--inspect <file>]`: CIS Docker Benchmark 1.6 sections 1–3 and 5. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BulwarkError } from '../../shared/errors.js';
import type { IgnoreRule } from '../../vuln/ignore.js';
import { runChecks } from '../run.js';
import { applySuppressions, type SuppressedFinding } from '../suppress.js';
import type { ConfigFinding } from '../types.js';
import { readDaemonSettings, UNIT_DIRS } from './daemon.js';
import { rootFs } from './fs.js';
import { loadInspect, type InspectContainer } from './inspect.js';
import type { HostCheckInput, HostFs } from './input.js';
import { hostChecks } from './registry.js';

export interface HostScanOptions {
  /** root directory of the host filesystem (default "/") */
  root?: string;
  /** `docker inspect $(docker ps -q)` output, for section 5 */
  inspectFile?: string;
  /** uid/gid that count as root for ownership checks (default 0/0; tests running unprivileged pass their own) */
  rootIds?: { uid: number; gid: number };
  rules?: IgnoreRule[];
}

export interface HostScanResult {
  findings: ConfigFinding[];
  suppressed: SuppressedFinding[];
  warnings: string[];
}

function groupGid(fs: HostFs, name: string): number | undefined {
  for (const line of (fs.read('/etc/group') ?? '').split('\n')) {
    const [n, , gid] = line.split(':');
    if (n === name && gid !== undefined && /^\d+$/.test(gid)) return Number(gid);
  }
  return undefined;
}

const DOCKER_MARKERS = ['/etc/docker', '/usr/bin/dockerd', '/usr/sbin/dockerd', '/var/lib/docker', ...UNIT_DIRS.flatMap((d) => [`${d}/docker.service`, `${d}/docker.socket`])];

/** Builds what host checks see, without running them (synchronous; the examples test uses it too). */
export function hostInput(root: string, containers: InspectContainer[] = [], opts: Pick<HostScanOptions, 'rootIds' | 'inspectFile'> = {}): HostCheckInput {
  const fs = rootFs(root);
  return {
    root,
    fs,
    rootIds: opts.rootIds ?? { uid: 0, gid: 0 },
    dockerGid: groupGid(fs, 'docker'),
    dockerPresent: DOCKER_MARKERS.some((p) => fs.stat(p) !== undefined),
    daemon: readDaemonSettings(fs),
    containers,
    inspectPath: opts.inspectFile,
  };
}

/** Scans a host root (read-only) and optional inspect output; ignore-file rules apply. */
export async function scanHost(opts: HostScanOptions = {}): Promise<HostScanResult> {
  const root = resolve(opts.root ?? '/');
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new BulwarkError('NOT_FOUND', `${root}: root directory not found`);
  }
  const containers = opts.inspectFile ? await loadInspect(opts.inspectFile) : [];
  const input = hostInput(root, containers, opts);
  const run = runChecks(hostChecks, input, root);
  const { kept, suppressed } = applySuppressions(run.findings, [], opts.rules ?? []);
  return { findings: kept, suppressed, warnings: [...input.daemon.warnings, ...run.warnings] };
}
