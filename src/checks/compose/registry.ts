/** The only list of compose checks (one file per check in this folder). */
import type { Check } from '../types.js';
import { privileged } from './CMP-001-privileged.js';
import { dangerousCapabilities } from './CMP-002-dangerous-capabilities.js';
import { hostNetwork } from './CMP-003-host-network.js';
import { hostNamespaces } from './CMP-004-host-namespaces.js';
import { dockerSocket } from './CMP-005-docker-socket.js';
import { sensitiveHostMount } from './CMP-006-sensitive-host-mount.js';
import { rootUser } from './CMP-007-root-user.js';
import { portsAllInterfaces } from './CMP-008-ports-all-interfaces.js';
import { unconfinedSecurityOpt } from './CMP-009-unconfined-security-opt.js';
import { secretInEnvironment } from './CMP-010-secret-in-environment.js';
import type { ComposeCheckInput } from './input.js';

export const composeChecks: Check<ComposeCheckInput>[] = [
  privileged,
  dangerousCapabilities,
  hostNetwork,
  hostNamespaces,
  dockerSocket,
  sensitiveHostMount,
  rootUser,
  portsAllInterfaces,
  unconfinedSecurityOpt,
  secretInEnvironment,
];
