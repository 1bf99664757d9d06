/** The only list of host checks (one file per check in this folder). */
import type { Check } from '../types.js';
import { auditDockerFilesCheck } from './HOST-001-audit-docker-files.js';
import { dockerGroupMembersCheck } from './HOST-002-docker-group-members.js';
import { iccEnabledCheck } from './HOST-010-icc-enabled.js';
import { logLevelCheck } from './HOST-011-log-level.js';
import { iptablesDisabledCheck } from './HOST-012-iptables-disabled.js';
import { insecureRegistriesCheck } from './HOST-013-insecure-registries.js';
import { aufsStorageDriverCheck } from './HOST-014-aufs-storage-driver.js';
import { tcpWithoutTlsCheck } from './HOST-015-tcp-without-tls.js';
import { usernsRemapCheck } from './HOST-016-userns-remap.js';
import { authorizationPluginCheck } from './HOST-017-authorization-plugin.js';
import { remoteLoggingCheck } from './HOST-018-remote-logging.js';
import { noNewPrivilegesDefaultCheck } from './HOST-019-no-new-privileges-default.js';
import { liveRestoreCheck } from './HOST-020-live-restore.js';
import { userlandProxyCheck } from './HOST-021-userland-proxy.js';
import { seccompDefaultUnconfinedCheck } from './HOST-022-seccomp-default-unconfined.js';
import { experimentalCheck } from './HOST-023-experimental.js';
import { dockerServicePermissionsCheck } from './HOST-030-docker-service-permissions.js';
import { dockerSocketUnitPermissionsCheck } from './HOST-031-docker-socket-unit-permissions.js';
import { etcDockerPermissionsCheck } from './HOST-032-etc-docker-permissions.js';
import { registryCertificatePermissionsCheck } from './HOST-033-registry-certificate-permissions.js';
import { tlsCaPermissionsCheck } from './HOST-034-tls-ca-permissions.js';
import { tlsCertificatePermissionsCheck } from './HOST-035-tls-certificate-permissions.js';
import { tlsKeyPermissionsCheck } from './HOST-036-tls-key-permissions.js';
import { dockerSockPermissionsCheck } from './HOST-037-docker-sock-permissions.js';
import { daemonJsonPermissionsCheck } from './HOST-038-daemon-json-permissions.js';
import { dockerEnvironmentPermissionsCheck } from './HOST-039-docker-environment-permissions.js';
import { containerdSockPermissionsCheck } from './HOST-040-containerd-sock-permissions.js';
import { privilegedContainerCheck } from './HOST-050-privileged-container.js';
import { sensitiveHostMountsCheck } from './HOST-051-sensitive-host-mounts.js';
import { dockerSocketMountedCheck } from './HOST-052-docker-socket-mounted.js';
import { hostNamespacesCheck } from './HOST-053-host-namespaces.js';
import { addedCapabilitiesCheck } from './HOST-054-added-capabilities.js';
import { noResourceLimitsCheck } from './HOST-055-no-resource-limits.js';
import { writableRootfsCheck } from './HOST-056-writable-rootfs.js';
import { noNewPrivilegesCheck } from './HOST-057-no-new-privileges.js';
import { seccompUnconfinedCheck } from './HOST-058-seccomp-unconfined.js';
import { lsmDisabledCheck } from './HOST-059-lsm-disabled.js';
import { restartPolicyCheck } from './HOST-060-restart-policy.js';
import { runsAsRootCheck } from './HOST-061-runs-as-root.js';
import { noHealthcheckCheck } from './HOST-062-no-healthcheck.js';
import { privilegedPortsCheck } from './HOST-063-privileged-ports.js';
import { wildcardPortBindingCheck } from './HOST-064-wildcard-port-binding.js';
import { hostDevicesCheck } from './HOST-065-host-devices.js';
import { sharedMountPropagationCheck } from './HOST-066-shared-mount-propagation.js';
import { sshdInContainerCheck } from './HOST-067-sshd-in-container.js';
import type { HostCheckInput } from './input.js';

export const hostChecks: Check<HostCheckInput>[] = [
  auditDockerFilesCheck, dockerGroupMembersCheck,
  iccEnabledCheck, logLevelCheck, iptablesDisabledCheck, insecureRegistriesCheck, aufsStorageDriverCheck, tcpWithoutTlsCheck,
  usernsRemapCheck, authorizationPluginCheck, remoteLoggingCheck, noNewPrivilegesDefaultCheck, liveRestoreCheck, userlandProxyCheck,
  seccompDefaultUnconfinedCheck, experimentalCheck,
  dockerServicePermissionsCheck, dockerSocketUnitPermissionsCheck, etcDockerPermissionsCheck, registryCertificatePermissionsCheck,
  tlsCaPermissionsCheck, tlsCertificatePermissionsCheck, tlsKeyPermissionsCheck, dockerSockPermissionsCheck, daemonJsonPermissionsCheck,
  dockerEnvironmentPermissionsCheck, containerdSockPermissionsCheck,
  privilegedContainerCheck, sensitiveHostMountsCheck, dockerSocketMountedCheck, hostNamespacesCheck, addedCapabilitiesCheck,
  noResourceLimitsCheck, writableRootfsCheck, noNewPrivilegesCheck, seccompUnconfinedCheck, lsmDisabledCheck, restartPolicyCheck,
  runsAsRootCheck, noHealthcheckCheck, privilegedPortsCheck, wildcardPortBindingCheck, hostDevicesCheck, sharedMountPropagationCheck,
  sshdInContainerCheck,
];
