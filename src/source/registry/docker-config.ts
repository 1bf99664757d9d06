/**
 * Registry credentials from docker's config.json: `credHelpers` (per registry), `credsStore`
 * (for all registries) and `auths` (base64 "user:pass", username/password, identitytoken).
 * Helpers are the docker-credential-<name> programs: `get` with the server on stdin, JSON out.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BulwarkError } from '../../shared/errors.js';
import { parseJson } from '../schema.js';
import { canonicalRegistry, DOCKER_HUB, DOCKER_HUB_CONFIG_KEY } from './reference.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** OAuth2 refresh token (docker login to an identity provider); exchanged at the token realm */
  identityToken?: string;
  /** a bearer token to send as is */
  registryToken?: string;
  /** where they came from, for messages: "flags", "config.json auths", "docker-credential-pass" */
  source: string;
}

const MAX_CONFIG = 1024 * 1024;
const HELPER_TIMEOUT_MS = 20_000;

const authEntry = z
  .object({
    auth: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    identitytoken: z.string().optional(),
    registrytoken: z.string().optional(),
  })
  .passthrough();

const configSchema = z
  .object({
    auths: z.record(z.string(), authEntry).optional(),
    credHelpers: z.record(z.string(), z.string()).optional(),
    credsStore: z.string().optional(),
  })
  .passthrough();
type DockerConfig = z.infer<typeof configSchema>;

const helperOutput = z.object({ Username: z.string().optional(), Secret: z.string() }).passthrough();

/** $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function defaultDockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG ? join(env.DOCKER_CONFIG, 'config.json') : join(homedir(), '.docker', 'config.json');
}

async function loadConfig(path: string, explicit: boolean): Promise<DockerConfig | undefined> {
  try {
    const st = await stat(path);
    if (st.size > MAX_CONFIG) throw new BulwarkError('TOO_LARGE', `${path} is larger than ${MAX_CONFIG} bytes`);
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    if (explicit) throw new BulwarkError('NOT_FOUND', `docker config ${path}: no such file`);
    return undefined;
  }
  return parseJson(await readFile(path), configSchema, `docker config ${path}`, 'USAGE');
}

/** The entry of a map whose key names this registry (keys may be URLs such as https://index.docker.io/v1/). */
function entryFor<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!map) return undefined;
  for (const [key, value] of Object.entries(map)) if (canonicalRegistry(key) === registry) return value;
  return undefined;
}

function fromAuthEntry(e: z.infer<typeof authEntry>, path: string): Credentials | undefined {
  const source = `auths in ${path}`;
  if (e.identitytoken) return { identityToken: e.identitytoken, username: e.username, source };
  if (e.registrytoken) return { registryToken: e.registrytoken, source };
  if (e.auth) {
    const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i <= 0) throw new BulwarkError('USAGE', `${path}: the "auth" value is not base64 of user:password`);
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1), source };
  }
  if (e.username && e.password) return { username: e.username, password: e.password, source };
  return undefined;
}

/** Runs `docker-credential-<helper> get`; undefined when the helper has nothing for this server. */
export async function runCredentialHelper(helper: string, serverUrl: string): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) throw new BulwarkError('USAGE', `invalid credential helper name ${JSON.stringify(helper)}`);
  const program = `docker-credential-${helper}`;
  const { code, stdout, spawnError } = await new Promise<{ code: number | null; stdout: string; spawnError?: string }>((resolve) => {
    const child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'ignore'], timeout: HELPER_TIMEOUT_MS });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (out.length < MAX_CONFIG) out += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => resolve({ code: null, stdout: '', spawnError: e.code ?? e.message }));
    child.on('close', (c) => resolve({ code: c, stdout: out }));
    child.stdin.on('error', () => {});
    child.stdin.end(serverUrl);
  });
  if (spawnError) {
    const why = spawnError === 'ENOENT' ? 'not found on PATH' : spawnError;
    throw new BulwarkError('REGISTRY_ERROR', `credential helper ${program} ${why} (configured in docker config.json)`);
  }
  if (code !== 0) {
    // helpers answer "credentials not found in native keychain" with a non-zero exit
    if (/not found/i.test(stdout)) return undefined;
    throw new BulwarkError('REGISTRY_ERROR', `credential helper ${program} failed (exit ${code}): ${stdout.trim().split('\n')[0]?.slice(0, 200) ?? ''}`);
  }
  const out = parseJson(stdout, helperOutput, `output of ${program}`, 'REGISTRY_ERROR');
  if (!out.Secret) return undefined;
  const source = program;
  // "<token>" as user name marks an identity token (docker-credential-helpers convention)
  if (out.Username === '<token>') return { identityToken: out.Secret, source };
  return { username: out.Username, password: out.Secret, source };
}

/** The server string helpers are keyed by: Docker Hub's legacy URL, else the host. */
function helperServer(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : registry;
}

/** Looks up credentials for a canonical registry host in a docker config.json. */
export async function credentialsFromDockerConfig(registry: string, configPath?: string): Promise<Credentials | undefined> {
  const path = configPath ?? defaultDockerConfigPath();
  const cfg = await loadConfig(path, configPath !== undefined);
  if (!cfg) return undefined;
  const helper = entryFor(cfg.credHelpers, registry);
  if (helper) return runCredentialHelper(helper, helperServer(registry));
  if (cfg.credsStore) {
    // a global store whose program is not installed (config copied from another machine) must not
    // break anonymous pulls: fall through to auths, as the store would have nothing either
    const found = await runCredentialHelper(cfg.credsStore, helperServer(registry)).catch((err: unknown) => {
      if (err instanceof BulwarkError && err.message.includes('not found on PATH')) return undefined;
      throw err;
    });
    if (found) return found;
  }
  const entry = entryFor(cfg.auths, registry);
  return entry ? fromAuthEntry(entry, path) : undefined;
}
