/** The only list of Dockerfile checks (one file per check in this folder). */
import type { Check } from '../types.js';
import { lastUserRoot } from './DF-001-last-user-root.js';
import { imageNotPinned } from './DF-002-image-not-pinned.js';
import { sudo } from './DF-003-sudo.js';
import { addInsteadOfCopy } from './DF-004-add-instead-of-copy.js';
import { addRemoteUrl } from './DF-005-add-remote-url.js';
import { aptGetMissingYes } from './DF-006-apt-get-missing-yes.js';
import { aptNoInstallRecommends } from './DF-007-apt-no-install-recommends.js';
import { aptListsNotRemoved } from './DF-008-apt-lists-not-removed.js';
import { updateAlone } from './DF-009-update-alone.js';
import { apkNoCache } from './DF-010-apk-no-cache.js';
import { pipeToShell } from './DF-011-pipe-to-shell.js';
import { exposeSsh } from './DF-012-expose-ssh.js';
import { secretInEnvArg } from './DF-013-secret-in-env-arg.js';
import { noHealthcheck } from './DF-014-no-healthcheck.js';
import { relativeWorkdir } from './DF-015-relative-workdir.js';
import { multipleCmd } from './DF-016-multiple-cmd.js';
import { multipleEntrypoint } from './DF-017-multiple-entrypoint.js';
import { aptUnpinned } from './DF-018-apt-unpinned.js';
import { apkUnpinned } from './DF-019-apk-unpinned.js';
import { pipUnpinned } from './DF-020-pip-unpinned.js';
import { npmUnpinned } from './DF-021-npm-unpinned.js';
import { gemUnpinned } from './DF-022-gem-unpinned.js';
import { goInstallUnpinned } from './DF-023-go-install-unpinned.js';
import { cdInRun } from './DF-024-cd-in-run.js';
import { shellFormCmd } from './DF-025-shell-form-cmd.js';
import { pipefail } from './DF-026-pipefail.js';
import { consecutiveRun } from './DF-027-consecutive-run.js';
import { duplicateStageName } from './DF-028-duplicate-stage-name.js';
import { copyFromStage } from './DF-029-copy-from-stage.js';
import { aptNotAptGet } from './DF-030-apt-not-apt-get.js';
import type { DockerfileCheckInput } from './input.js';

export const dockerfileChecks: Check<DockerfileCheckInput>[] = [
  lastUserRoot,
  imageNotPinned,
  sudo,
  addInsteadOfCopy,
  addRemoteUrl,
  aptGetMissingYes,
  aptNoInstallRecommends,
  aptListsNotRemoved,
  updateAlone,
  apkNoCache,
  pipeToShell,
  exposeSsh,
  secretInEnvArg,
  noHealthcheck,
  relativeWorkdir,
  multipleCmd,
  multipleEntrypoint,
  aptUnpinned,
  apkUnpinned,
  pipUnpinned,
  npmUnpinned,
  gemUnpinned,
  goInstallUnpinned,
  cdInRun,
  shellFormCmd,
  pipefail,
  consecutiveRun,
  duplicateStageName,
  copyFromStage,
  aptNotAptGet,
];
