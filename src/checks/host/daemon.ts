/**
 * The effective dockerd settings: /etc/docker/daemon.json plus flags from the systemd unit's
 * ExecStart (and drop-ins) and /etc/default/docker or /etc/sysconfig/docker. Keys use daemon.json
 * names; each remembers the file (and line) it came from so findings point at it.
 */
import type { HostFs } from './input.js';

export interface SettingSource {
  path: string;
  line?: number;
}
export interface Setting {
  value: unknown;
  source: SettingSource;
}
export interface DaemonSettings {
  /** daemon.json key (or the key a flag maps to) → value and origin */
  values: Map<string, Setting>;
  /** files the settings were read from, for findings about absent keys */
  files: string[];
  warnings: string[];
}

export const DAEMON_JSON = '/etc/docker/daemon.json';
/** systemd unit directories, highest precedence first */
export const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

const BOOL_FLAGS = new Set(['icc', 'tls', 'tlsverify', 'no-new-privileges', 'live-restore', 'userland-proxy', 'iptables', 'experimental', 'selinux-enabled', 'ip-forward']);
const LIST_FLAGS: Record<string, string> = { host: 'hosts', 'insecure-registry': 'insecure-registries', 'authorization-plugin': 'authorization-plugins', 'storage-opt': 'storage-opts' };
const SHORT: Record<string, string> = { H: 'host', l: 'log-level', s: 'storage-driver', D: 'debug', G: 'group', p: 'pidfile' };

/** Splits a command line like a POSIX shell would for simple quoting (no expansion). */
export function shellSplit(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (let i = 0; i < cmd.length; i++) {
    const ch = cmd[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

function setFlag(values: Map<string, Setting>, name: string, value: string | undefined, source: SettingSource): boolean {
  if (BOOL_FLAGS.has(name)) {
    values.set(name, { value: value === undefined ? true : value !== 'false', source });
    return false;
  }
  const listKey = LIST_FLAGS[name];
  if (listKey) {
    const prev = values.get(listKey);
    const list = Array.isArray(prev?.value) && prev.source.path === source.path ? prev.value : [];
    values.set(listKey, { value: [...list, value ?? ''], source });
    return value === undefined;
  }
  values.set(name, { value: value ?? '', source });
  return value === undefined;
}

/** Reads dockerd flags (`-H tcp://…`, `--icc=false`, `--tlsverify`) into settings. */
export function applyFlags(values: Map<string, Setting>, args: string[], source: SettingSource): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) continue;
    const name = a.startsWith('--') ? m[1]! : SHORT[m[1]!] ?? m[1]!;
    const wantsValue = setFlag(values, name, m[2], source);
    if (wantsValue && i + 1 < args.length && !args[i + 1]!.startsWith('-')) setFlag(values, name, args[++i], source);
  }
}

function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : text.slice(0, i).split('\n').length;
}

/** The effective ExecStart of docker.service: last one wins, an empty `ExecStart=` resets (unit, then drop-ins). */
function execStart(fs: HostFs): { args: string[]; source: SettingSource } | undefined {
  const unit = UNIT_DIRS.map((d) => `${d}/docker.service`).find((p) => fs.stat(p)?.type === 'file');
  const files = unit ? [unit] : [];
  for (const d of UNIT_DIRS) for (const f of fs.list(`${d}/docker.service.d`)) if (f.endsWith('.conf')) files.push(`${d}/docker.service.d/${f}`);
  let found: { args: string[]; source: SettingSource } | undefined;
  for (const path of files) {
    const text = (fs.read(path) ?? '').replace(/\\\n/g, ' ');
    for (const [i, raw] of text.split('\n').entries()) {
      const m = /^\s*ExecStart\s*=\s*(.*)$/.exec(raw);
      if (!m) continue;
      const args = shellSplit(m[1]!.replace(/^[-@+!:]+/, ''));
      found = args.length ? { args: args.slice(1), source: { path, line: i + 1 } } : undefined;
    }
  }
  return found;
}

/** Collects the dockerd settings under the root. */
export function readDaemonSettings(fs: HostFs): DaemonSettings {
  const values = new Map<string, Setting>();
  const files: string[] = [];
  const warnings: string[] = [];
  for (const [path, variable] of [['/etc/default/docker', 'DOCKER_OPTS'], ['/etc/sysconfig/docker', 'OPTIONS']] as const) {
    const text = fs.read(path);
    if (text === undefined) continue;
    files.push(path);
    for (const [i, raw] of text.split('\n').entries()) {
      const m = new RegExp(`^\\s*${variable}\\s*=\\s*(.*)$`).exec(raw);
      if (m) applyFlags(values, shellSplit(shellSplit(m[1]!).join(' ')), { path, line: i + 1 });
    }
  }
  const exec = execStart(fs);
  if (exec) {
    files.push(exec.source.path);
    applyFlags(values, exec.args, exec.source);
  }
  const text = fs.read(DAEMON_JSON);
  if (text !== undefined) {
    files.push(DAEMON_JSON);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      warnings.push(`${DAEMON_JSON}: invalid JSON (${(e as Error).message.split('\n')[0]}); its settings were not checked`);
    }
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
      for (const [k, v] of Object.entries(json)) values.set(k, { value: v, source: { path: DAEMON_JSON, line: lineOf(text, `"${k}"`) } });
    } else if (json !== undefined) warnings.push(`${DAEMON_JSON}: not a JSON object; its settings were not checked`);
  }
  return { values, files, warnings };
}

/** Where to point a finding about a key: where it is set, else daemon.json (or the first settings file). */
export function sourceFor(d: DaemonSettings, key: string): SettingSource {
  return d.values.get(key)?.source ?? { path: d.files.includes(DAEMON_JSON) ? DAEMON_JSON : d.files[0] ?? DAEMON_JSON };
}

/** A list-valued setting as strings. */
export function listSetting(d: DaemonSettings, key: string): string[] {
  const v = d.values.get(key)?.value;
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' && v ? [v] : [];
}
