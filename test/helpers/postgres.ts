/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, pg_ctl start on a free port on
 * 127.0.0.1 with the unix socket inside that dir, trust auth for loopback, stop and delete after.
 * initdb refuses to run as root, so as root the cluster runs as the `postgres` user (Debian's
 * postgresql package creates it). Tests skip with POSTGRES_SKIP when the binaries are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './registry.js';

/** The newest /usr/lib/postgresql/<major>/bin with initdb, or undefined. */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

const BIN_DIR = findBinDir();

function postgresUid(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

const IS_ROOT = userInfo().uid === 0;
const PG_USER = IS_ROOT ? postgresUid() : undefined;

/** Why the PostgreSQL half of a suite is skipped, or false when it can run. */
export const POSTGRES_SKIP: string | false = !BIN_DIR
  ? 'PostgreSQL server binaries (initdb, pg_ctl) are missing (install Debian\'s postgresql, see scripts/setup-system.sh): PostgreSQL tests skipped'
  : IS_ROOT && !PG_USER
    ? 'running as root without a "postgres" user to run initdb as: PostgreSQL tests skipped'
    : false;

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** a fresh database on the same cluster (for tests that need an empty schema) */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function runAsOwner(file: string, args: string[]): void {
  const cmd = IS_ROOT ? ['runuser', ['-u', 'postgres', '--', file, ...args]] as const : [file, args] as const;
  execFileSync(cmd[0], [...cmd[1]], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
}

/** Starts a cluster and waits until it accepts connections. */
export async function startPostgres(): Promise<TestPostgres> {
  if (POSTGRES_SKIP) throw new Error(POSTGRES_SKIP);
  const bin = BIN_DIR!;
  const dir = await mkdtemp(join(tmpdir(), 'bulwark-pg-'));
  const data = join(dir, 'data');
  await chmod(dir, 0o700);
  if (PG_USER) await chown(dir, PG_USER.uid, PG_USER.gid);
  runAsOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  let port = 0;
  let lastErr: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    try {
      const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off`;
      runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
      lastErr = undefined;
      break;
    } catch (err) {
      lastErr = err;
    }
  }
  if (lastErr) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${String((lastErr as { stderr?: Buffer }).stderr ?? lastErr)}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      runAsOwner(join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
