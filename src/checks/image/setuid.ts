/** setuid/setgid files of the final filesystem, split into those distributions ship by default and the rest. */
import { posix } from 'node:path';
import type { ImageCheckInput } from './input.js';
import { permBits } from './util.js';

/**
 * Basenames of setuid/setgid programs that Debian, Ubuntu, Alpine, Fedora/RHEL and SUSE packages install
 * with those bits by default (shadow, util-linux, openssh, sudo, iputils, fuse, polkit, dbus, cron, at …).
 */
export const DISTRO_SETUID = new Set([
  'chage', 'chfn', 'chsh', 'expiry', 'gpasswd', 'newgrp', 'passwd', 'su', 'sg', 'mount', 'umount', 'unix_chkpwd',
  'pam_timestamp_check', 'ssh-agent', 'ssh-keysign', 'sudo', 'sudoedit', 'doas', 'pkexec', 'polkit-agent-helper-1',
  'dbus-daemon-launch-helper', 'ping', 'ping6', 'traceroute6.iputils', 'arping', 'fusermount', 'fusermount3', 'crontab',
  'at', 'wall', 'write', 'bsd-write', 'dotlockfile', 'newuidmap', 'newgidmap', 'Xorg.wrap', 'userhelper', 'mount.nfs',
  'mount.cifs', 'ntfs-3g', 'lppasswd', 'chkpwd', 'bbsuid', 'staprun', 'utempter', 'locate', 'mlocate', 'plocate',
  'screen', 'mail-lock', 'mail-unlock', 'mail-touchlock', 'lockfile', 'ksu', 'vlock', 'procmail', 'exim4', 'sendmail',
]);

export interface SetuidFile {
  path: string;
  mode: number;
  layer: number;
  distro: boolean;
}

/** Regular files with the setuid or setgid bit, sorted by path. */
export function setuidFiles(input: ImageCheckInput): SetuidFile[] {
  const out: SetuidFile[] = [];
  for (const [path, fe] of input.files) {
    if (fe.entry.type !== 'file' && fe.entry.type !== 'hardlink') continue;
    const mode = permBits(fe.entry.mode);
    if (!(mode & 0o6000)) continue;
    out.push({ path, mode, layer: fe.layer, distro: DISTRO_SETUID.has(posix.basename(path)) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** "setuid root" / "setgid" label for a mode. */
export function setuidLabel(mode: number): string {
  const s = mode & 0o4000 ? 'setuid' : '';
  const g = mode & 0o2000 ? 'setgid' : '';
  return [s, g].filter(Boolean).join('+');
}
