/**
 * The Pod Security Standards "baseline" profile as a pure function over a pod spec, for the checks
 * and for the admission webhook. Allow-lists follow
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/ (baseline, latest).
 */
import type { Obj } from './input.js';

/** Capabilities baseline allows containers to add (Docker's defaults minus NET_RAW). */
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Sysctls baseline allows (namespaced and isolated from other pods). */
export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** SELinux types baseline allows ("" = unset). */
export const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

/** Capability name without CAP_ prefix, upper case. */
export function normCap(c: unknown): string {
  return String(c).toUpperCase().replace(/^CAP_/, '');
}

/** A baseline violation: which control, which field, what is wrong. */
export interface PssViolation {
  control: string;
  /** field path like "spec.containers[0].securityContext.privileged" */
  field: string;
  message: string;
}

function o(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function seLinux(v: unknown, field: string, out: PssViolation[]): void {
  const se = o(v);
  if (se.type !== undefined && !SELINUX_TYPES.has(String(se.type))) out.push({ control: 'SELinux', field: `${field}.type`, message: `SELinux type ${String(se.type)} is not allowed` });
  for (const k of ['user', 'role'] as const) {
    if (se[k] !== undefined && se[k] !== '') out.push({ control: 'SELinux', field: `${field}.${k}`, message: `SELinux ${k} must not be set` });
  }
}

function securityContext(sc: Obj, field: string, out: PssViolation[]): void {
  if (o(sc.windowsOptions).hostProcess === true) out.push({ control: 'HostProcess', field: `${field}.windowsOptions.hostProcess`, message: 'Windows HostProcess container' });
  if (o(sc.seccompProfile).type === 'Unconfined') out.push({ control: 'Seccomp', field: `${field}.seccompProfile.type`, message: 'seccomp profile Unconfined' });
  if (o(sc.appArmorProfile).type === 'Unconfined') out.push({ control: 'AppArmor', field: `${field}.appArmorProfile.type`, message: 'AppArmor profile Unconfined' });
  seLinux(sc.seLinuxOptions, `${field}.seLinuxOptions`, out);
}

function container(c: Obj, field: string, out: PssViolation[]): void {
  const sc = o(c.securityContext);
  const scf = `${field}.securityContext`;
  if (sc.privileged === true) out.push({ control: 'Privileged Containers', field: `${scf}.privileged`, message: 'privileged container' });
  for (const cap of arr(o(sc.capabilities).add)) {
    if (!BASELINE_CAPABILITIES.has(normCap(cap))) out.push({ control: 'Capabilities', field: `${scf}.capabilities.add`, message: `adds capability ${normCap(cap)}` });
  }
  if (sc.procMount !== undefined && sc.procMount !== 'Default') out.push({ control: '/proc Mount Type', field: `${scf}.procMount`, message: `procMount ${String(sc.procMount)}` });
  securityContext(sc, scf, out);
  for (const [i, p] of arr(c.ports).entries()) {
    const hp = o(p).hostPort;
    if (hp !== undefined && hp !== 0) out.push({ control: 'Host Ports', field: `${field}.ports[${i}].hostPort`, message: `hostPort ${String(hp)}` });
  }
}

/**
 * Checks a pod spec (and its metadata, for AppArmor annotations) against the PSS baseline profile.
 * Returns every violation; an empty list means the pod is admitted by baseline.
 */
export function podSecurityBaseline(podSpec: Obj, metadata: Obj = {}): PssViolation[] {
  const out: PssViolation[] = [];
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (podSpec[k] === true) out.push({ control: 'Host Namespaces', field: `spec.${k}`, message: `${k} is true` });
  }
  for (const [i, v] of arr(podSpec.volumes).entries()) {
    if (o(v).hostPath !== undefined) out.push({ control: 'HostPath Volumes', field: `spec.volumes[${i}].hostPath`, message: `hostPath volume ${String(o(o(v).hostPath).path)}` });
  }
  const psc = o(podSpec.securityContext);
  securityContext(psc, 'spec.securityContext', out);
  for (const [i, s] of arr(psc.sysctls).entries()) {
    const name = String(o(s).name);
    if (!SAFE_SYSCTLS.has(name)) out.push({ control: 'Sysctls', field: `spec.securityContext.sysctls[${i}].name`, message: `unsafe sysctl ${name}` });
  }
  for (const [key, value] of Object.entries(o(metadata.annotations))) {
    if (key.startsWith('container.apparmor.security.beta.kubernetes.io/') && value === 'unconfined') {
      out.push({ control: 'AppArmor', field: `metadata.annotations["${key}"]`, message: 'AppArmor annotation unconfined' });
    }
  }
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const [i, c] of arr(podSpec[list]).entries()) container(o(c), `spec.${list}[${i}]`, out);
  }
  return out;
}
