/** HOST-001 (CIS 1.1.3–1.1.18): audit rules for the Docker daemon, its files and directories. */
import type { Check, CheckHit } from '../types.js';
import type { HostCheckInput, HostFixture } from './input.js';
import { CIS_URL } from './meta.js';

/** CIS 1.6 item → path that must be watched by auditd (checked only when it exists under the root). */
const AUDITED: [string, string][] = [
  ['1.1.3', '/usr/bin/dockerd'], ['1.1.4', '/run/containerd'], ['1.1.5', '/var/lib/docker'], ['1.1.6', '/etc/docker'],
  ['1.1.7', '/lib/systemd/system/docker.service'], ['1.1.8', '/run/containerd/containerd.sock'], ['1.1.9', '/lib/systemd/system/docker.socket'],
  ['1.1.10', '/etc/default/docker'], ['1.1.11', '/etc/docker/daemon.json'], ['1.1.12', '/etc/containerd/config.toml'],
  ['1.1.13', '/etc/sysconfig/docker'], ['1.1.14', '/usr/bin/containerd'], ['1.1.15', '/usr/bin/containerd-shim'],
  ['1.1.16', '/usr/bin/containerd-shim-runc-v1'], ['1.1.17', '/usr/bin/containerd-shim-runc-v2'], ['1.1.18', '/usr/bin/runc'],
];

/** Paths watched by `-w <path>` or `-F path=`/`-F dir=` rules in audit.rules and rules.d/*.rules. */
export function auditedPaths(input: HostCheckInput): Set<string> {
  const files = ['/etc/audit/audit.rules', ...input.fs.list('/etc/audit/rules.d').filter((f) => f.endsWith('.rules')).map((f) => `/etc/audit/rules.d/${f}`)];
  const watched = new Set<string>();
  for (const f of files) {
    for (const line of (input.fs.read(f) ?? '').split('\n')) {
      const t = line.trim();
      if (t.startsWith('#')) continue;
      for (const m of t.matchAll(/(?:^|\s)(?:-w\s+|-F\s+(?:path|dir)=)(\S+)/g)) watched.add(m[1]!.replace(/\/+$/, '') || '/');
    }
  }
  return watched;
}

const fixture = (rules: string): HostFixture => ({
  files: { '/etc/docker/daemon.json': { content: '{}' }, '/usr/bin/dockerd': { content: '', mode: '0755' }, '/etc/audit/rules.d/docker.rules': { content: rules } },
});

/** One hit per Docker file that exists but is not audited. */
export const auditDockerFilesCheck: Check<HostCheckInput> = {
  meta: {
    id: 'HOST-001',
    slug: 'audit-docker-files',
    target: 'host',
    title: 'Docker daemon files are not audited',
    severity: 'LOW',
    rationale: 'dockerd, containerd and runc run as root, and their configuration decides who controls containers. Without auditd watches, changes to these files (or their use) leave no trace for incident response.',
    remediation: 'Add auditd rules such as `-w /usr/bin/dockerd -k docker` and `-w /etc/docker -k docker` for each listed path in /etc/audit/rules.d/docker.rules, then reload auditd (augenrules --load).',
    references: { cis: '1.1.3–1.1.18', urls: [CIS_URL] },
    examples: {
      bad: [{ description: 'dockerd and daemon.json present, only dockerd audited', input: fixture('-w /usr/bin/dockerd -k docker\n') }],
      good: [{ description: 'Every present path audited', input: fixture('-w /usr/bin/dockerd -k docker\n-w /etc/docker -k docker\n-a always,exit -F path=/etc/docker/daemon.json -F perm=wa -k docker\n') }],
    },
  },
  run(input) {
    if (!input.dockerPresent) return [];
    const watched = auditedPaths(input);
    const hits: CheckHit[] = [];
    for (const [cis, path] of AUDITED) {
      if (!input.fs.stat(path) || watched.has(path)) continue;
      hits.push({ message: `${path} is not audited (CIS ${cis})`, location: { path: '/etc/audit/rules.d' } });
    }
    return hits;
  },
};
