/** The only list of kubernetes checks (one file per check in this folder). */
import type { Check } from '../types.js';
import { privilegedCheck } from './K8S-001-privileged.js';
import { allowPrivilegeEscalationCheck } from './K8S-002-allow-privilege-escalation.js';
import { runAsRootCheck } from './K8S-003-run-as-root.js';
import { capabilitiesNotDroppedCheck } from './K8S-004-capabilities-not-dropped.js';
import { addedCapabilitiesCheck } from './K8S-005-added-capabilities.js';
import { seccompProfileCheck } from './K8S-006-seccomp-profile.js';
import { apparmorUnconfinedCheck } from './K8S-007-apparmor-unconfined.js';
import { selinuxUnconfinedCheck } from './K8S-008-selinux-unconfined.js';
import { hostNamespacesCheck } from './K8S-009-host-namespaces.js';
import { hostPortCheck } from './K8S-010-host-port.js';
import { hostPathCheck } from './K8S-011-host-path.js';
import { hostPathNodeTakeoverCheck } from './K8S-012-host-path-node-takeover.js';
import { writableRootFilesystemCheck } from './K8S-013-writable-root-filesystem.js';
import { missingResourceLimitsCheck } from './K8S-014-missing-resource-limits.js';
import { imageLatestTagCheck } from './K8S-015-image-latest-tag.js';
import { imageNotPinnedCheck } from './K8S-016-image-not-pinned.js';
import { automountServiceAccountTokenCheck } from './K8S-017-automount-service-account-token.js';
import { unsafeSysctlsCheck } from './K8S-018-unsafe-sysctls.js';
import { procMountUnmaskedCheck } from './K8S-019-proc-mount-unmasked.js';
import { rbacWildcardCheck } from './K8S-020-rbac-wildcard.js';
import { rbacClusterAdminBindingCheck } from './K8S-021-rbac-cluster-admin-binding.js';
import { rbacReadSecretsCheck } from './K8S-022-rbac-read-secrets.js';
import { rbacPodExecCheck } from './K8S-023-rbac-pod-exec.js';
import type { KubernetesCheckInput } from './input.js';

export const kubernetesChecks: Check<KubernetesCheckInput>[] = [
  privilegedCheck,
  allowPrivilegeEscalationCheck,
  runAsRootCheck,
  capabilitiesNotDroppedCheck,
  addedCapabilitiesCheck,
  seccompProfileCheck,
  apparmorUnconfinedCheck,
  selinuxUnconfinedCheck,
  hostNamespacesCheck,
  hostPortCheck,
  hostPathCheck,
  hostPathNodeTakeoverCheck,
  writableRootFilesystemCheck,
  missingResourceLimitsCheck,
  imageLatestTagCheck,
  imageNotPinnedCheck,
  automountServiceAccountTokenCheck,
  unsafeSysctlsCheck,
  procMountUnmaskedCheck,
  rbacWildcardCheck,
  rbacClusterAdminBindingCheck,
  rbacReadSecretsCheck,
  rbacPodExecCheck,
];
