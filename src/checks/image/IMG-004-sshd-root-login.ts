/** IMG-004: sshd_config allows root to log in with a password (PermitRootLogin yes). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { effectiveSshdConfig } from './sshd-config.js';
import { fileLocation } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-004',
  slug: 'sshd-permit-root-login',
  target: 'image',
  title: 'sshd permits root login with a password',
  severity: 'HIGH',
  rationale:
    '`PermitRootLogin yes` lets anyone who guesses or leaks the root password log in as root over the network. The OpenSSH default (prohibit-password) only allows keys. The effective value is computed like sshd does: the first value across sshd_config and its Include files wins; Match blocks are ignored (they only narrow who gets a setting).',
  remediation: 'Remove the SSH server from the image (IMG-002); if it must stay, set `PermitRootLogin no` (or `prohibit-password`) in /etc/ssh/sshd_config.',
  references: { cis: '5.7', urls: ['https://man.openbsd.org/sshd_config#PermitRootLogin'] },
  examples: {
    bad: [{ description: 'PermitRootLogin yes', input: exampleImage([{ path: 'etc/ssh/sshd_config', content: 'PermitRootLogin yes\n' }]) }],
    good: [
      { description: 'The OpenSSH default (prohibit-password)', input: exampleImage([{ path: 'etc/ssh/sshd_config', content: '#PermitRootLogin prohibit-password\n' }]) },
      {
        description: 'An Include file sets it first, so the later "yes" has no effect',
        input: exampleImage([
          { path: 'etc/ssh/sshd_config', content: 'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n' },
          { path: 'etc/ssh/sshd_config.d/10-hardening.conf', content: 'PermitRootLogin no\n' },
        ]),
      },
    ],
  },
};

/** Reports an effective PermitRootLogin of yes. */
export const img004SshdPermitRootLogin: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const s = effectiveSshdConfig(input)?.get('permitrootlogin');
    if (s?.value !== 'yes') return [];
    const path = s.path ?? '/etc/ssh/sshd_config';
    return [{ message: `sshd allows root to log in with a password (PermitRootLogin yes in ${path}).`, location: { ...fileLocation(input, path), line: s.line }, evidence: 'PermitRootLogin yes' }];
  },
};
