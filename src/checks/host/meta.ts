/** Builders for the three shapes of host check: dockerd setting, file ownership/mode, container runtime. */
import type { Check, CheckHit, CheckMeta, CheckReferences, CheckSeverity } from '../types.js';
import { sourceFor, type DaemonSettings } from './daemon.js';
import { containerLabel, type InspectContainer } from './inspect.js';
import type { HostCheckInput, HostFileInfo, HostFixture } from './input.js';

export const CIS_URL = 'https://www.cisecurity.org/benchmark/docker';
export const DAEMON_URL = 'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file';

interface BaseSpec {
  id: string;
  slug: string;
  title: string;
  severity: CheckSeverity;
  rationale: string;
  remediation: string;
  references: CheckReferences;
  examples: CheckMeta<HostFixture>['examples'];
}

function meta(s: BaseSpec): CheckMeta<HostFixture> {
  return { ...s, target: 'host' };
}

/** A fixture with only /etc/docker/daemon.json. */
export function daemonJson(json: object): HostFixture {
  return { files: { '/etc/docker/daemon.json': { content: JSON.stringify(json, null, 2) } } };
}

/** A dockerd-setting check: `test` returns the problem (and the key it is about) or undefined. Runs only where Docker is installed. */
export function daemonCheck(s: BaseSpec & { test(d: DaemonSettings): { message: string; key: string } | undefined }): Check<HostCheckInput> {
  return {
    meta: meta(s),
    run(input) {
      if (!input.dockerPresent) return [];
      const r = s.test(input.daemon);
      if (!r) return [];
      const src = sourceFor(input.daemon, r.key);
      return [{ message: r.message, location: { path: src.path, line: src.line } }];
    },
  };
}

/** Expected owner ("root:root" or "root:docker") and most permissive mode of a file. */
export interface FileRule {
  group: 'root' | 'docker';
  maxMode: number;
}

/** Problems of one file against a rule (empty when it complies). */
export function fileProblems(input: HostCheckInput, f: HostFileInfo, rule: FileRule): string[] {
  const out: string[] = [];
  if (f.uid !== input.rootIds.uid) out.push(`owned by uid ${f.uid}, expected root`);
  const gid = rule.group === 'docker' ? input.dockerGid ?? input.rootIds.gid : input.rootIds.gid;
  if (f.gid !== gid) out.push(`group is gid ${f.gid}, expected ${rule.group}${rule.group === 'docker' && input.dockerGid !== undefined ? ` (${gid})` : ''}`);
  if (f.mode & ~rule.maxMode) out.push(`mode ${f.mode.toString(8).padStart(4, '0')} is more permissive than ${rule.maxMode.toString(8).padStart(4, '0')}`);
  return out;
}

/** An ownership/permissions check over the files `paths` returns (existing ones only). */
export function fileCheck(s: BaseSpec & FileRule & { paths(input: HostCheckInput): string[] }): Check<HostCheckInput> {
  return {
    meta: meta(s),
    run(input) {
      const hits: CheckHit[] = [];
      const seen = new Set<string>();
      for (const p of s.paths(input)) {
        const f = input.fs.stat(p);
        if (!f || seen.has(f.path)) continue;
        seen.add(f.path);
        const problems = fileProblems(input, f, s);
        if (problems.length) hits.push({ message: `${p}${f.path !== p ? ` (${f.path})` : ''}: ${problems.join('; ')}`, location: { path: p } });
      }
      return hits;
    },
  };
}

/** A fixture with one file (or directory) at `path`. */
export function oneFile(path: string, mode: string, extra: { uid?: number; gid?: number; type?: 'dir'; content?: string } = {}): HostFixture {
  return { files: { [path]: { mode, content: extra.type ? undefined : extra.content ?? '', ...extra } } };
}

/** A container-runtime check over `docker inspect` output: `test` returns problems of one container. */
export function runtimeCheck(s: BaseSpec & { test(c: InspectContainer, input: HostCheckInput): string | string[] | undefined }): Check<HostCheckInput> {
  return {
    meta: meta(s),
    run(input) {
      const hits: CheckHit[] = [];
      for (const c of input.containers) {
        const r = s.test(c, input);
        for (const m of r === undefined ? [] : Array.isArray(r) ? r : [r]) {
          hits.push({ message: `${containerLabel(c)}: ${m}`, location: { path: input.inspectPath, object: containerLabel(c) } });
        }
      }
      return hits;
    },
  };
}

/** A fixture with one inspected container whose HostConfig/Config are merged over a hardened default. */
export function container(hostConfig: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): HostFixture {
  return {
    inspect: [{
      Id: '3f2a1b9c0d1e2f3a4b5c6d7e8f90123456789abcdef0123456789abcdef01234',
      Name: '/web',
      AppArmorProfile: 'docker-default',
      Config: { User: '10001', Image: 'web:1.0', Healthcheck: { Test: ['CMD', '/healthz'] } },
      HostConfig: {
        Privileged: false, NetworkMode: 'bridge', PidMode: '', IpcMode: 'private', UTSMode: '', UsernsMode: '',
        CapAdd: null, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'], ReadonlyRootfs: true,
        Memory: 268435456, CpuShares: 512, NanoCpus: 0, PidsLimit: 100, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 },
        Devices: [], Binds: null, PortBindings: {}, ...hostConfig,
      },
      Mounts: [],
      NetworkSettings: { Ports: {} },
      ...rest,
    }],
  };
}

/** A host with TLS on and `option` (tlscacert, tlscert, tlskey) pointing at `file` with this mode. */
export function tlsFileFixture(option: string, file: string, mode: string): HostFixture {
  return { files: { '/etc/docker/daemon.json': { content: JSON.stringify({ tlsverify: true, [option]: file }) }, [file]: { content: 'PEM', mode } } };
}

/** The absolute path a daemon option names (daemon.json or the dockerd flag), or none when unset. */
export function daemonPath(option: string): (input: HostCheckInput) => string[] {
  return (input) => {
    const v = input.daemon.values.get(option)?.value;
    return typeof v === 'string' && v.startsWith('/') ? [v] : [];
  };
}
