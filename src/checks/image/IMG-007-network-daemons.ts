/** IMG-007: legacy or extraneous network daemons installed (telnetd, FTP, rsh/rlogin, TFTP, inetd/xinetd …). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { existingFiles, fileLocation, packagesNamed } from './util.js';

export const DAEMON_PACKAGES = [
  'telnetd', 'inetutils-telnetd', 'telnetd-ssl', 'telnet-server', 'busybox-extras',
  'vsftpd', 'proftpd', 'proftpd-basic', 'proftpd-core', 'pure-ftpd', 'ftpd', 'inetutils-ftpd', 'tnftpd',
  'rsh-server', 'rsh-redone-server', 'rlogin-server', 'inetutils-rsh-server',
  'tftpd', 'tftpd-hpa', 'atftpd', 'tftp-server',
  'xinetd', 'openbsd-inetd', 'inetutils-inetd', 'rinetd',
  'talkd', 'inetutils-talkd', 'fingerd', 'nis', 'ypserv',
];
export const DAEMON_BINARIES = [
  '/usr/sbin/in.telnetd', '/usr/sbin/telnetd', '/usr/sbin/vsftpd', '/usr/sbin/proftpd', '/usr/sbin/pure-ftpd', '/usr/sbin/in.ftpd',
  '/usr/sbin/in.rshd', '/usr/sbin/in.rlogind', '/usr/sbin/in.rexecd', '/usr/sbin/in.tftpd', '/usr/sbin/atftpd',
  '/usr/sbin/xinetd', '/usr/sbin/inetd', '/usr/sbin/in.fingerd', '/usr/sbin/ypserv',
];

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-007',
  slug: 'extraneous-network-daemons',
  target: 'image',
  title: 'Legacy network daemon installed',
  severity: 'MEDIUM',
  rationale:
    'Telnet, FTP, rsh/rlogin, TFTP and the inetd super-servers send credentials in clear text or have no authentication at all, and a container should run one service. Their presence widens the attack surface even when not started by the image, since anyone with exec access can start them.',
  remediation: 'Remove the packages (apt-get purge / apk del / dnf remove) or build from a base image that lacks them. Busybox-extras on Alpine ships telnetd, ftpd and tftpd applets.',
  references: { cis: '4.3' },
  examples: {
    bad: [{ description: 'vsftpd binary present', input: exampleImage([{ path: 'usr/sbin/vsftpd', content: 'vsftpd binary', mode: 0o755 }]) }],
    good: [{ description: 'Only the application', input: exampleImage([{ path: 'app/server', content: 'app binary', mode: 0o755 }]) }],
  },
};

/** Reports daemon packages, and daemon binaries no reported package explains. */
export const img007ExtraneousNetworkDaemons: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out: CheckHit[] = packagesNamed(input, DAEMON_PACKAGES).map((p) => ({
      message: `Network daemon package ${p.name} ${p.version} is installed.`,
      location: { path: p.locations[0]?.path, layer: p.locations[0]?.layerIndex },
    }));
    if (out.length) return out;
    return existingFiles(input, DAEMON_BINARIES).map((path) => ({ message: `Network daemon ${path} is present.`, location: fileLocation(input, path) }));
  },
};
