/** What host checks see: a read-only view of a root directory, the dockerd settings, and running containers. */
import type { DaemonSettings } from './daemon.js';
import type { InspectContainer } from './inspect.js';

/** Owner, group, permission bits and type of a file under the root. */
export interface HostFileInfo {
  /** path as seen from the root ("/etc/docker/daemon.json") */
  path: string;
  uid: number;
  gid: number;
  /** permission bits (mode & 0o7777) */
  mode: number;
  type: 'file' | 'dir' | 'socket' | 'other';
}

/** Read-only access to files under the root; symlinks resolve inside the root, never out of it. */
export interface HostFs {
  stat(path: string): HostFileInfo | undefined;
  read(path: string): string | undefined;
  list(dir: string): string[];
}

export interface HostCheckInput {
  root: string;
  fs: HostFs;
  /** uid/gid that count as "root" for ownership checks (0/0 except in unprivileged tests) */
  rootIds: { uid: number; gid: number };
  /** gid of the docker group in <root>/etc/group */
  dockerGid?: number;
  /** Docker is installed under the root (config dir, unit, binary or data dir found) */
  dockerPresent: boolean;
  daemon: DaemonSettings;
  /** containers from `docker inspect` output, when given */
  containers: InspectContainer[];
  inspectPath?: string;
}

/** One file of a host fixture: content for files; mode as octal text ("0644"). */
export interface HostFixtureFile {
  type?: 'file' | 'dir' | 'symlink';
  content?: string;
  mode?: string;
  uid?: number;
  gid?: number;
  /** symlink target */
  target?: string;
}

/** The example form of host checks: files of a root directory and optionally `docker inspect` output. */
export interface HostFixture {
  files?: Record<string, HostFixtureFile>;
  inspect?: unknown[];
}
