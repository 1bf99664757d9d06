/** The only list of image checks (one file per check in this folder). */
import type { Check } from '../types.js';
import { img001RootUser } from './IMG-001-root-user.js';
import { img002SshServerInstalled } from './IMG-002-ssh-server-installed.js';
import { img003SshStarted } from './IMG-003-ssh-started.js';
import { img004SshdPermitRootLogin } from './IMG-004-sshd-root-login.js';
import { img005SshdPasswordAuthentication } from './IMG-005-sshd-password-auth.js';
import { img006AdminPortsExposed } from './IMG-006-admin-ports.js';
import { img007ExtraneousNetworkDaemons } from './IMG-007-network-daemons.js';
import { img008SudoInstalled } from './IMG-008-sudo-installed.js';
import { img009SetuidSetgidFiles } from './IMG-009-setuid-files.js';
import { img010UnexpectedSetuidFiles } from './IMG-010-unexpected-setuid.js';
import { img011WorldWritablePaths } from './IMG-011-world-writable.js';
import { img012NoHealthcheck } from './IMG-012-no-healthcheck.js';
import { img013AddRemoteUrl } from './IMG-013-add-remote-url.js';
import { img014PackageManagerCaches } from './IMG-014-package-caches.js';
import { img015ShellsAndPackageManagers } from './IMG-015-shells-package-managers.js';
import { img016WastedSpace } from './IMG-016-wasted-space.js';
import { img017EolOs } from './IMG-017-eol-os.js';
import { img018OutdatedPointRelease } from './IMG-018-outdated-point-release.js';
import { img019LatestTag } from './IMG-019-latest-tag.js';
import { img020NoDigestPin } from './IMG-020-no-digest-pin.js';
import { img021EmptyPassword } from './IMG-021-empty-password.js';
import { img022DuplicateIds } from './IMG-022-duplicate-ids.js';
import { img023SensitiveFiles } from './IMG-023-sensitive-files.js';
import { img900SecretInConfig } from './IMG-900-secret-in-config.js';
import type { ImageCheckInput } from './input.js';

export const imageChecks: Check<ImageCheckInput>[] = [
  img001RootUser,
  img002SshServerInstalled,
  img003SshStarted,
  img004SshdPermitRootLogin,
  img005SshdPasswordAuthentication,
  img006AdminPortsExposed,
  img007ExtraneousNetworkDaemons,
  img008SudoInstalled,
  img009SetuidSetgidFiles,
  img010UnexpectedSetuidFiles,
  img011WorldWritablePaths,
  img012NoHealthcheck,
  img013AddRemoteUrl,
  img014PackageManagerCaches,
  img015ShellsAndPackageManagers,
  img016WastedSpace,
  img017EolOs,
  img018OutdatedPointRelease,
  img019LatestTag,
  img020NoDigestPin,
  img021EmptyPassword,
  img022DuplicateIds,
  img023SensitiveFiles,
  img900SecretInConfig,
];
